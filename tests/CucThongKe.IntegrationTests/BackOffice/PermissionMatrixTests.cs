using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CucThongKe.CitizenServices.Feedback;
using CucThongKe.CitizenServices.Discussion;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.CitizenServices.Questions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Security;
using CucThongKe.Office.Royalties;
using CucThongKe.Statistics.Calendar;
using CucThongKe.Tests.Site;
using CucThongKe.Users.Identity;
using CucThongKe.Workflows.Definitions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.BackOffice;

/// <summary>
/// Every back-office action against every role of the regulation: the allowed roles succeed, every other role gets 403
/// and the database is exactly as it was (every row of every table compared before and after the refused request).
/// </summary>
/// <remarks>The arrangement (the recipe, the ten sign-ins, the items and uploads, each person's antiforgery token) runs
/// once per test run, on a site that is then stopped and kept as a template (<see cref="TestTemplates.ArrangedAsync{T}"/>).
/// Each row that posts gets a site of its own (an allowed post changes it) started on a copy of that template, with the
/// arranged people's cookies: the key ring is in the copied database, so they are still signed in. The rows that only
/// read (GET) share one such copy per class. Every role is still checked on every row, and each refused request is
/// still compared before and after, table by table.</remarks>
public abstract partial class PermissionMatrixTests(DatabaseProvider provider, SharedSite shared) : SiteTestBase(provider)
{
    private const string Password = "Demo@2026!ctk";

    /// <summary>One account per role (permission-matrix.recipe.json), all in Phòng Thống kê Tổng hợp.</summary>
    private static readonly Dictionary<string, string> UserOfRole = new(StringComparer.Ordinal)
    {
        ["Administrator"] = "quantri",
        ["Director"] = "cuctruong",
        ["BoardHead"] = "truongban",
        ["BoardMember"] = "uyvien",
        ["BoardSecretary"] = "thuky",
        ["Publisher"] = "dangtin",
        ["UnitHead"] = "truongphong",
        ["Contributor"] = "ctv.tonghop",
        ["Accountant"] = "ketoan",
    };

    private const string Everyone = "Administrator Director BoardHead BoardMember BoardSecretary Publisher UnitHead Contributor Accountant";

    /// <summary>Roles that read a unit's items in the back office: everyone but the Accountant, who sees only the ledger.</summary>
    private const string ContentReaders = "Administrator Director BoardHead BoardMember BoardSecretary Publisher UnitHead Contributor";

    /// <summary>Roles that write content (EditContent or EditAllContent): everyone but the Director, who oversees.</summary>
    private const string Writers = "Administrator BoardHead BoardMember BoardSecretary Publisher UnitHead Contributor";

    /// <summary>Roles that see every unit's content (ViewAllContent): the board, the Director and the Publisher.</summary>
    private const string AllUnitsReaders = "Administrator Director BoardHead BoardMember BoardSecretary Publisher";

    /// <summary>Roles that edit every unit's content (EditAllContent): the editorial board.</summary>
    private const string AllUnitsEditors = "Administrator BoardHead BoardMember BoardSecretary";

    private const string AdministratorOnly = "Administrator";

    /// <summary>
    /// The table to check against REGULATION.md. Placeholders: {own} a News draft of the users' own unit, {other} one of
    /// Chi cục Đại Từ, {page} a Page of the own unit (a type outside the approval chain), {fresh} a new News draft of the
    /// own unit made for each request, {user} the Contributor's account.
    /// </summary>
    public static TheoryData<string, string> Matrix => new()
    {
        { "GET /admin", Everyone },
        { "GET /admin/tai-khoan/xac-thuc-hai-buoc", Everyone },
        // One's own account: password, latest sign-ins, sign out everywhere (always the signed-in user's own).
        { "GET /admin/tai-khoan", Everyone },
        { "POST /admin/tai-khoan?handler=Password", Everyone },
        { "POST /admin/tai-khoan?handler=SignOutEverywhere", Everyone },

        // Content (Điều 9.1, 9.5.c, 14.5, 15): units write their own, the board edits all, the Director reads all.
        { "GET /admin/contents", Everyone },
        { "GET /admin/contents/create/News", Writers },
        { "POST /admin/contents/create/News", Writers },
        { "GET /admin/contents/{own}/edit", Everyone },
        { "POST /admin/contents/{own}/edit", Writers },
        { "GET /admin/contents/{other}/edit", AllUnitsReaders },
        { "POST /admin/contents/{other}/edit", AllUnitsEditors },
        { "GET /admin/contents/{own}/versions", Everyone },
        { "POST /admin/contents/{own}/versions?handler=Restore", Writers },
        { "GET /admin/contents/{other}/versions", AllUnitsReaders },
        { "POST /admin/contents/{other}/versions?handler=Restore", AllUnitsEditors },
        // Moving an item to another unit: an explicit, recorded act of the board's head or an administrator.
        { "POST /admin/contents/{other}/versions?handler=Transfer", "Administrator BoardHead" },
        { "POST /admin/contents/{own}/versions?handler=Transfer", "Administrator BoardHead" },
        // The content list's saved filter and bulk action (issue 16): each item goes through the chain's own checks, so a role
        // that may not submit gets 403 for a fresh draft of its own unit, and nothing changes.
        { "GET /admin/contents?buoc=cho-toi", Everyone },
        { "POST /admin/contents?handler=Bulk&chon={fresh} gui-duyet", "UnitHead Contributor" },
        // The trash (issue 16): whoever writes content lists it (their unit's, or every unit's) and restores what they may edit;
        // moving to the trash and deleting a draft never published are writers' acts on items they edit ({trashed}: a fresh
        // own item in the trash, {othertrashed} one of Chi cục Đại Từ, {otherfresh} a fresh draft of Chi cục Đại Từ).
        { "GET /admin/contents/thung-rac", Writers },
        { "POST /admin/contents/thung-rac?handler=Restore&id={trashed}", Writers },
        { "POST /admin/contents/thung-rac?handler=Restore&id={othertrashed}", AllUnitsEditors },
        { "POST /admin/contents/{fresh}/edit?handler=Trash", Writers },
        { "POST /admin/contents/{otherfresh}/edit?handler=Trash", AllUnitsEditors },
        { "POST /admin/contents/{fresh}/edit?handler=Delete", Writers },
        { "POST /admin/contents/{otherfresh}/edit?handler=Delete", AllUnitsEditors },
        { "POST /admin/contents?handler=Row&chon={fresh} xoa", Writers },
        { "POST /admin/contents?handler=Row&chon={fresh} thung-rac", Writers },
        { "GET /admin/contents/{own}/preview", Everyone },
        { "GET /admin/contents/{other}/preview", AllUnitsReaders },
        // The edit page's presence refresh ("someone else is editing"): whoever may open the page.
        { "POST /admin/contents/{own}/edit?handler=Presence", Everyone },
        { "POST /admin/contents/{other}/edit?handler=Presence", AllUnitsReaders },

        // Publishing: an item under the approval chain is never published from the editor, administrators included (Điều 15.2, 11.4);
        // a page outside the chain is published by the Publisher (Điều 11.4) or an administrator.
        { "POST /admin/contents/{own}/edit publish", "" },
        { "POST /admin/contents/{page}/edit publish", "Administrator Publisher" },

        // The approval chain: the author's unit sends a draft to its head (Điều 9.5.c).
        { "GET /admin/quy-trinh", Everyone },
        { "GET /admin/quy-trinh/noi-dung/{own}", Everyone },
        { "GET /admin/quy-trinh/noi-dung/{other}", AllUnitsReaders },
        { "POST /admin/quy-trinh/noi-dung/{fresh} submit", "UnitHead Contributor" },
        { "GET /admin/quy-trinh/dinh-nghia", AllUnitsReaders },
        { "GET /admin/quy-trinh/dinh-nghia/quy-trinh-duyet-tin/sua", AdministratorOnly },
        { "POST /admin/quy-trinh/dinh-nghia/quy-trinh-duyet-tin/sua", AdministratorOnly },

        // Emergency publication is its own permission, given to no role by the setup recipe (Điều 15.2).
        { "POST /admin/quy-trinh/noi-dung/{own}?handler=Emergency", "" },

        // Each person's own notifications and API tokens.
        { "GET /admin/thong-bao", Everyone },
        { "POST /admin/thong-bao?handler=ReadAll", Everyone },
        { "GET /admin/tai-khoan/ma-truy-cap", Everyone },
        { "POST /admin/tai-khoan/ma-truy-cap?handler=Create", Everyone },

        // Editors' search: published items and the drafts the user may see.
        { "GET /admin/tim-kiem?q=tin", ContentReaders },

        // Media library: whoever writes content uploads its images and documents (Điều 9.1).
        { "GET /admin/media", Writers },
        { "POST /admin/media", Writers },
        { "GET /admin/media/chon?truong=News.LeadImage&loai=anh&quay-lai=/admin/contents/create/News", Writers },
        { "POST /admin/media/chon?loai=anh", Writers },
        { "POST /admin/media/chon?handler=Drop", Writers },
        // A file's page (where it is used); replacing and deleting belong to the uploader's unit, or the board for every unit.
        { "GET /admin/media/{media}", Writers },
        { "POST /admin/media/{media}?handler=Replace", Writers },
        { "POST /admin/media/{othermedia}?handler=Replace", AllUnitsEditors },
        { "POST /admin/media/{freshmedia}?handler=Delete", Writers },

        // Vietnamese text (Điều 15.3): every back-office user converts legacy text; the health report and its
        // conversions are the administrator's (a conversion also needs the right to edit the item).
        { "GET /admin/unicode/chuyen-ma", Everyone },
        { "POST /admin/unicode/chuyen-ma", Everyone },
        { "GET /admin/unicode/bao-cao", AdministratorOnly },

        // Indicators and the release calendar (issue 15): the board loads values and keeps the calendar; the values
        // stay hidden until their release is published through the chain, whoever loaded them.
        { "GET /admin/chi-so", "Administrator BoardHead BoardMember BoardSecretary" },
        { "POST /admin/chi-so", "Administrator BoardHead BoardMember BoardSecretary" },
        { "GET /admin/lich-cong-bo", "Administrator BoardHead BoardSecretary" },
        { "POST /admin/lich-cong-bo", "Administrator BoardHead BoardSecretary" },
        { "POST /admin/unicode/bao-cao?handler=Convert&id={own}", AdministratorOnly },
        { "POST /admin/unicode/bao-cao?handler=ConvertAll", AdministratorOnly },

        // Accounts, roles, units, recipes, search: the technical administrator (Điều 11.5).
        { "GET /admin/users", AdministratorOnly },
        { "GET /admin/users/edit", AdministratorOnly },
        { "POST /admin/users/edit?handler=Save", AdministratorOnly },
        { "GET /admin/users/edit/{user}", AdministratorOnly },
        { "POST /admin/users/edit/{user}?handler=Save", AdministratorOnly },
        { "POST /admin/users/edit/{user}?handler=Unlock", AdministratorOnly },
        { "POST /admin/users/edit/{user}?handler=ResetTwoFactor", AdministratorOnly },
        { "POST /admin/users/edit/{user}?handler=Deactivate", AdministratorOnly },
        { "POST /admin/users/edit/{user}?handler=Reactivate", AdministratorOnly },
        { "GET /admin/users/audit", AdministratorOnly },
        { "GET /admin/roles", AdministratorOnly },
        { "POST /admin/roles", AdministratorOnly },
        { "GET /admin/units", AdministratorOnly },
        { "GET /admin/units/phong-tong-hop", AdministratorOnly },
        { "POST /admin/units", AdministratorOnly },
        // The guided merge moves a unit's accounts and pending items: an administrator's act, never a unit head's.
        { "POST /admin/units/chi-cuc-huyen-vo-nhai?handler=Merge", AdministratorOnly },
        { "GET /admin/recipes", AdministratorOnly },
        { "POST /admin/recipes?handler=Upload", AdministratorOnly },
        { "POST /admin/recipes?handler=Export", AdministratorOnly },
        { "GET /admin/recipes/run?id=site/cucthongke-thainguyen.recipe.json", AdministratorOnly },
        { "POST /admin/recipes/run?id=site/cucthongke-thainguyen.recipe.json", AdministratorOnly },
        // Triage of a citizen's question ({question}: one sent to the users' unit): the board moves it; the triage unit's
        // staff move only what reached the triage unit (QuestionAnswerTests), and these users are not of it.
        { "GET /admin/tiep-nhan/{question}/chuyen-don-vi", "Administrator BoardHead" },
        { "POST /admin/tiep-nhan/{question}/chuyen-don-vi", "Administrator BoardHead" },
        // What reached the triage unit ({triagequestion}: sent as "Không rõ đơn vị phụ trách", so in Văn phòng): its staff move it
        // (QuestionAnswerTests), and so does the whole board, since EditAllContent edits the triage unit's items too. Decided so:
        // the BoardSecretary receives what units send and routes it (Điều 15.1), the board handles any unit's items (Điều 14);
        // the Director oversees, the Publisher posts, and a unit's staff move only their own unit's (none of these users is of it).
        { "GET /admin/tiep-nhan/{triagequestion}/chuyen-don-vi", AllUnitsEditors },
        { "POST /admin/tiep-nhan/{triagequestion}/chuyen-don-vi", AllUnitsEditors },

        // The feedback inbox (Điều 14.4; {feedback}: one sent to the users' unit, {otherfeedback}: one of Chi cục Đại Từ): a unit
        // reads and handles its own, the board every unit's, the Director reads all; the board reads the summary and keeps the categories.
        { "GET /admin/gop-y", ContentReaders },
        { "GET /admin/gop-y/{feedback}", Everyone },
        { "GET /admin/gop-y/{otherfeedback}", AllUnitsReaders },
        { "POST /admin/gop-y/{feedback}?handler=Update", Writers },
        { "POST /admin/gop-y/{otherfeedback}?handler=Update", AllUnitsEditors },
        { "POST /admin/gop-y/{feedback}?handler=Reply", Writers },
        { "POST /admin/gop-y/{otherfeedback}?handler=Reply", AllUnitsEditors },
        { "GET /admin/gop-y/tong-hop", "Administrator Director BoardHead BoardMember BoardSecretary" },
        { "GET /admin/danh-gia-hai-long?ky=2026-Q4", "Administrator Director BoardHead BoardMember BoardSecretary" },
        { "GET /admin/gop-y/tong-hop?handler=Xlsx&ky=2026", "Administrator Director BoardHead BoardMember BoardSecretary" },
        { "GET /admin/gop-y/chu-de", "Administrator BoardHead BoardSecretary" },
        { "POST /admin/gop-y/chu-de", "Administrator BoardHead BoardSecretary" },
        // Everything held about an e-mail address (Điều 7.6): the operator's.
        { "GET /admin/du-lieu-ca-nhan", AdministratorOnly },
        { "POST /admin/du-lieu-ca-nhan", AdministratorOnly },

        // The admin-audit log (roles, permissions, workflow definitions, transfers): administrators and the board read it.
        { "GET /admin/nhat-ky-quan-tri", "Administrator BoardHead BoardMember BoardSecretary" },
        { "GET /admin/search", AdministratorOnly },
        { "POST /admin/search?handler=Rebuild", AdministratorOnly },
        { "GET /admin/tu-dong-nghia", "Administrator BoardHead BoardSecretary" },
        { "POST /admin/tu-dong-nghia", "Administrator BoardHead BoardSecretary" },

        // Reporting obligations (Điều 9.1, 17.1): every unit sees its own entries; the board and the administrator define them.
        { "GET /admin/nghia-vu-bao-cao", Everyone },
        { "GET /admin/nghia-vu-bao-cao/danh-muc", "Administrator BoardHead BoardSecretary" },
        { "GET /admin/nghia-vu-bao-cao/danh-muc/sua", "Administrator BoardHead BoardSecretary" },
        { "POST /admin/nghia-vu-bao-cao/danh-muc/sua", "Administrator BoardHead BoardSecretary" },

        // Incidents and the detailed health page (Điều 11.6): the technical staff.
        { "GET /admin/su-co", "Administrator Publisher" },
        { "GET /admin/su-co/ghi", "Administrator Publisher" },
        { "POST /admin/su-co/ghi", "Administrator Publisher" },
        { "GET /admin/tinh-trang-he-thong", "Administrator Publisher" },

        // Readers' discussion (Điều 2.3, 14.4): the board's head opens and closes an item's discussion; the board moderates
        // comments ({comment}: a new pending comment for each request; {opened}: a new item open for discussion).
        { "GET /admin/thao-luan/{own}", "Administrator BoardHead" },
        { "POST /admin/thao-luan/{own}?handler=Open", "Administrator BoardHead" },
        { "POST /admin/thao-luan/{opened}?handler=Close", "Administrator BoardHead" },
        { "GET /admin/y-kien", "Administrator BoardHead BoardMember BoardSecretary" },
        { "POST /admin/y-kien?handler=Accept&id={comment}", "Administrator BoardHead BoardMember BoardSecretary" },
        { "POST /admin/y-kien?handler=Reject&id={comment}", "Administrator BoardHead BoardMember BoardSecretary" },
        // The screening list (Điều 4.1, 7): the board's head and the administrator keep it.
        { "GET /admin/sang-loc", "Administrator BoardHead" },
        { "POST /admin/sang-loc", "Administrator BoardHead" },
        // Clearing a held question's screening hit: the moderators.
        { "POST /admin/sang-loc/xem-xet/{heldquestion}", "Administrator BoardHead BoardMember BoardSecretary" },
        // A consultation's summary and export: whoever sees the item (its unit, and those who see every unit's items).
        { "GET /admin/lay-y-kien/{consultation}", Everyone },
        { "GET /admin/lay-y-kien/{consultation}?handler=Export&dinh-dang=csv", Everyone },
        { "GET /admin/lay-y-kien/{otherconsultation}", AllUnitsReaders },
        { "GET /admin/lay-y-kien/{otherconsultation}?handler=Export&dinh-dang=xlsx", AllUnitsReaders },
        // Taxonomies (issue 16): whoever holds ManageTaxonomies (the administrator and the Publisher in the setup recipe).
        { "GET /admin/danh-muc", "Administrator Publisher" },
        { "GET /admin/danh-muc/chuyen-muc-tin", "Administrator Publisher" },
        { "POST /admin/danh-muc/chuyen-muc-tin?handler=Add", "Administrator Publisher" },
        { "POST /admin/danh-muc/chuyen-muc-tin?handler=Rename", "Administrator Publisher" },
        { "POST /admin/danh-muc/chuyen-muc-tin?handler=Move", "Administrator Publisher" },
        { "POST /admin/danh-muc/chuyen-muc-tin?handler=Merge", "Administrator Publisher" },

        // Site settings (name, addresses, contacts, citation): the administrator.
        { "GET /admin/cai-dat", AdministratorOnly },
        { "POST /admin/cai-dat", AdministratorOnly },

        // Planned downtime (issue 13): the technical staff schedule, change and cancel maintenance windows.
        { "GET /admin/bao-tri", "Administrator Publisher" },
        { "POST /admin/bao-tri", "Administrator Publisher" },
        { "GET /admin/bao-tri/{maintenance}", "Administrator Publisher" },
        { "POST /admin/bao-tri/{maintenance}", "Administrator Publisher" },
        { "POST /admin/bao-tri/{maintenance}?handler=Cancel", "Administrator Publisher" },

        // The royalty ledger (Điều 6.2c): everyone reads their own entries and report; the accountant (and the administrator)
        // reviews, adjusts and closes; the rate table is kept by the accountant and the board's head. {royalty}: a draft entry
        // of the Contributor's, in the current month.
        { "GET /admin/nhuan-but", Everyone },
        { "POST /admin/nhuan-but?handler=Review", "Administrator Accountant" },
        { "POST /admin/nhuan-but?handler=Close", "Administrator Accountant" },
        { "GET /admin/nhuan-but/dieu-chinh/{royalty}", "Administrator Accountant" },
        { "POST /admin/nhuan-but/dieu-chinh/{royalty}", "Administrator Accountant" },
        { "GET /admin/nhuan-but/muc", "Administrator BoardHead Accountant" },
        { "GET /admin/nhuan-but/muc/sua", "Administrator BoardHead Accountant" },
        { "POST /admin/nhuan-but/muc/sua", "Administrator BoardHead Accountant" },
        { "GET /admin/nhuan-but/bao-cao", Everyone },
        { "GET /admin/nhuan-but/bao-cao?handler=Xlsx", Everyone },

        // Contribution and timeliness statistics (Điều 16, 17): every unit its own figures, the board and the Director every unit's.
        { "GET /admin/thong-ke-dong-gop", Everyone },
        { "GET /admin/thong-ke-dong-gop?handler=Xlsx", Everyone },
    };

    /// <summary>The rows that only read, checked on the class's shared site.</summary>
    public static TheoryData<string, string> ReadRows => Rows(reads: true);

    /// <summary>The rows that post, each checked on a site of its own.</summary>
    public static TheoryData<string, string> WriteRows => Rows(reads: false);

    private static TheoryData<string, string> Rows(bool reads)
    {
        var rows = new TheoryData<string, string>();
        foreach (var row in Matrix.Where(row => ((string)row[0]).StartsWith("GET ", StringComparison.Ordinal) == reads))
        {
            rows.Add((string)row[0], (string)row[1]);
        }

        return rows;
    }

    /// <summary>The site the requests go to: the arranged template's while it is arranged, then the row's (its own copy,
    /// or the class's shared copy for a reading row).</summary>
    private TestSite Target => _target ?? throw new InvalidOperationException("No site yet: a row starts one first.");

    private TestSite? _target;

    [Fact]
    public async Task The_matrix_names_every_role_of_the_regulation_and_every_back_office_page()
    {
        Assert.Equal(9, UserOfRole.Count);
        // Every row's address with its placeholders as any one segment, the query left off.
        var addresses = Matrix.Select(row => Regex.Replace(((string)row[0]).Split(' ')[1].Split('?')[0], "\\{[a-z]+\\}", "x")).ToList();
        var (site, _) = await ReadSiteAsync();
        var pages = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern)
            .Where(p => p.RawText!.TrimStart('/').StartsWith("admin", StringComparison.Ordinal))
            .ToList();

        Assert.True(pages.Count > 15, "The site's admin pages were not found.");
        foreach (var page in pages)
        {
            // A route template as a pattern of one address: {x} is one segment, {x?} may be missing.
            var pattern = "^" + string.Concat(page.PathSegments.Select(segment => segment.IsSimple && segment.Parts[0] is RoutePatternParameterPart { IsOptional: true }
                ? "(/[^/]+)?"
                : "/" + string.Concat(segment.Parts.Select(part => part is RoutePatternLiteralPart literal ? Regex.Escape(literal.Content) : "[^/]+")))) + "$";
            Assert.True(addresses.Any(a => Regex.IsMatch(a, pattern)), $"No row of the matrix reaches the back-office page /{page.RawText!.TrimStart('/')}.");
        }
    }

    [Theory]
    [MemberData(nameof(WriteRows))]
    public async Task Allowed_roles_succeed_and_the_others_get_403_with_nothing_changed(string action, string allowedRoles)
    {
        var template = await TemplateAsync();
        using var site = TestSite.FromArranged(template, AsIfJustSignedIn);
        _ = site.Services;
        _target = site;
        var (clients, ids) = SignedIn(site, template.State);
        await CheckRowAsync(action, allowedRoles, clients, ids, template.State.Tokens);
    }

    [Theory]
    [MemberData(nameof(ReadRows))]
    public async Task Allowed_roles_read_and_the_others_get_403_with_nothing_changed(string action, string allowedRoles)
    {
        var (site, (clients, ids)) = await ReadSiteAsync();
        _target = site;
        await CheckRowAsync(action, allowedRoles, clients, ids, tokens: null);
    }

    /// <summary>The class's shared copy of the arranged site, for the rows that only read, with the arranged people on it.</summary>
    private async Task<(TestSite Site, (Dictionary<string, HttpClient> Clients, Items Ids) State)> ReadSiteAsync()
    {
        var template = await TemplateAsync();
        return await shared.GetAsync(() => Task.FromResult(TestSite.FromArranged(template)), site => Task.FromResult(SignedIn(site, template.State)));
    }

    /// <summary>What every row starts from: the recipe's people signed in (a cookie jar and an antiforgery token each) and
    /// the items the rows act on, arranged once per test run (<see cref="ArrangeAsync"/>).</summary>
    private Task<ArrangedTemplate<Arrangement>> TemplateAsync() => Provider == DatabaseProvider.Sqlite
        ? TestTemplates.ArrangedAsync("permission-matrix", SiteSettings, ArrangeAsync)
        : throw new NotSupportedException("The arranged template is SQLite's: authorization is decided in the site, not the database.");

    /// <summary>
    /// The copies check each cookie's security stamp on every request, as the site does (SignInCookieEvents); only
    /// Identity's once-a-minute reload of the person's roles and unit into the cookie waits an hour. The cookies were
    /// issued at the arrangement, minutes before, from the accounts the copy holds, so the reload would rebuild the same
    /// principal: it cost each of the nine people a reload and a new cookie on every row (about 150 ms a row), which the
    /// rows' own sign-ins of before, seconds old, never met either.
    /// </summary>
    private static void AsIfJustSignedIn(IServiceCollection services) =>
        services.PostConfigure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromHours(1));

    private sealed record Arrangement(Dictionary<string, CookieContainer> Jars, Dictionary<string, string> Tokens, Items Ids);

    /// <summary>One client per role on <paramref name="site"/> (a copy of the arranged one), each with its own copy of the
    /// person's cookies; the rows' new own items are written by the Contributor's client.</summary>
    private static (Dictionary<string, HttpClient> Clients, Items Ids) SignedIn(TestSite site, Arrangement arranged)
    {
        var clients = arranged.Jars.ToDictionary(j => j.Key, j => site.ClientWithCookies(TestSite.CopyOf(j.Value)), StringComparer.Ordinal);
        return (clients, arranged.Ids with { Author = clients["Contributor"] });
    }

    /// <summary>The recipe's people signed in, one cookie jar and antiforgery token per role, and the items the rows act on.</summary>
    private async Task<Arrangement> ArrangeAsync(TestSite site)
    {
        _target = site;
        await RunRecipeAsync(site, "permission-matrix.recipe.json");
        // Ten sign-ins with the other unit's author below: within the sign-in rate limit (ten a minute from one address).
        var jars = new Dictionary<string, CookieContainer>(StringComparer.Ordinal);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var (role, user) in UserOfRole)
        {
            jars[role] = new CookieContainer();
            clients[role] = await SignedInAsync(user, jars[role]);
        }

        var ids = await ArrangeItemsAsync(clients["Contributor"], clients["Publisher"]);

        // Antiforgery tokens are per user (and cookie), not per page: the profile page every role may open gives one, valid
        // on every copy of the site since the key ring is copied with the database.
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (role, client) in clients)
        {
            tokens[role] = await AntiforgeryTokenAsync(client, "/admin/tai-khoan/xac-thuc-hai-buoc");
            Assert.False(string.IsNullOrEmpty(tokens[role]), $"No antiforgery token on the two-factor page for {role}.");
        }

        return new Arrangement(jars, tokens, ids);
    }

    private async Task CheckRowAsync(string action, string allowedRoles, Dictionary<string, HttpClient> clients, Items ids, Dictionary<string, string>? tokens)
    {
        var allowed = allowedRoles.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

        // Refused roles first, so that an allowed change (a new version, a new account) never hides a refused one.
        foreach (var role in UserOfRole.Keys.OrderBy(r => allowed.Contains(r)))
        {
            var client = clients[role];
            var request = await BuildRequestAsync(action, tokens?[role], ids);
            var before = await DatabaseSnapshot.TakeAsync(Target);
            Assert.True(before.Contains("Users", "ctv.tonghop"), "The snapshot must see the accounts it guards.");

            var response = await client.SendAsync(request);

            if (allowed.Contains(role))
            {
                var status = (int)response.StatusCode;
                Assert.True(status is >= 200 and < 400, $"{role} may {action} but got {response.StatusCode}: {await ExcerptAsync(response)}");
                Assert.False(response.Headers.Location?.OriginalString.StartsWith("/dang-nhap", StringComparison.Ordinal) == true, $"{role} was sent to sign in for {action}.");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} may not {action} but got {response.StatusCode}.");
                var changed = before.Differences(await DatabaseSnapshot.TakeAsync(Target));
                Assert.True(changed.Count == 0, $"{role} was refused {action} but the database changed:\n{string.Join("\n", changed)}");
            }
        }
    }

    private sealed record Items(string Own, string Other, string Page, string UserId, HttpClient Author, long Media, long OtherMedia, long Royalty);

    private async Task<HttpClient> SignedInAsync(string user, CookieContainer jar)
    {
        var client = Target.ClientWithCookies(jar);
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, user, Password));
        return client;
    }

    private async Task<Items> ArrangeItemsAsync(HttpClient author, HttpClient publisher)
    {
        var own = await CreateAsync(author, "News", NewsForm("Tin của phòng Tổng hợp"));
        await SaveAsync(author, own, 1, NewsForm("Tin của phòng Tổng hợp (sửa)"));
        var other = await SignedInAsync("ctv.daitu", new CookieContainer());
        var otherId = await CreateAsync(other, "News", NewsForm("Tin của Chi cục Đại Từ"));
        await SaveAsync(other, otherId, 1, NewsForm("Tin của Chi cục Đại Từ (sửa)"));
        var page = await CreateAsync(publisher, "Page", PageForm());
        var userId = await Target.WithScopeAsync(async s => (await s.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync("ctv.tonghop"))!.Id);
        var royalty = await Target.WithScopeAsync(async s =>
        {
            await s.GetRequiredService<RoyaltyLedger>().DraftAsync(new RoyaltyPublication(own, "News", "Tin của phòng Tổng hợp", DateTime.UtcNow), [new RoyaltyCredit { Kind = "tin", UserName = "ctv.tonghop" }]);
            return await s.GetRequiredService<CmsDbContext>().Set<RoyaltyEntry>().Where(e => e.ContentItemId == own).Select(e => e.Id).SingleAsync();
        });
        return new Items(own, otherId, page, userId, author, await UploadMediaAsync(author), await UploadMediaAsync(other), royalty);
    }

    /// <summary>Uploads a small image as <paramref name="client"/>'s user and returns the file's id.</summary>
    private async Task<long> UploadMediaAsync(HttpClient client)
    {
        AssertStatus(HttpStatusCode.OK, await MediaLibraryTests.UploadAsync(client, Convert.FromBase64String(TinyPng), "anh-thu-quyen.png"));
        return await Target.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<CucThongKe.Media.Library.MediaFile>().MaxAsync(m => m.Id));
    }

    private static Dictionary<string, string> NewsForm(string title) => new() { ["TitlePart.Title"] = title, ["News.Category.TermIds"] = "tin-khac" };

    private static Dictionary<string, string> PageForm() => new() { ["TitlePart.Title"] = "Giới thiệu chức năng", ["HtmlBodyPart.Html"] = "<p>Chức năng, nhiệm vụ.</p>" };

    private static async Task<string> CreateAsync(HttpClient client, string type, Dictionary<string, string> values)
    {
        values["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, $"/admin/contents/create/{type}");
        var response = await client.PostAsync($"/admin/contents/create/{type}", new FormUrlEncodedContent(values));
        AssertStatus(HttpStatusCode.Redirect, response);
        return EditUrl().Match(response.Headers.Location!.OriginalString).Groups[1].Value;
    }

    private static async Task SaveAsync(HttpClient client, string id, int version, Dictionary<string, string> values)
    {
        values["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, $"/admin/contents/{id}/edit");
        values["version"] = version.ToString(CultureInfo.InvariantCulture);
        values["intent"] = "save";
        AssertStatus(HttpStatusCode.Redirect, await client.PostAsync($"/admin/contents/{id}/edit", new FormUrlEncodedContent(values)));
    }

    /// <summary>A citizen's question to Phòng Thống kê Tổng hợp, as the public form saves it; returns its id.</summary>
    private Task<string> QuestionAsync(string text = "Xin cho biết dân số trung bình của tỉnh năm 2025?", string unitId = "phong-tong-hop") => Target.WithScopeAsync(async s =>
    {
        var unit = await s.GetRequiredService<CitizenUnits>().ResolveAsync(unitId, default);
        await s.GetRequiredService<QuestionSubmission>().SubmitAsync("Lê Văn Hỏi", "hoi@example.vn", null, unit!, text, default);
        return await s.GetRequiredService<CmsDbContext>().Set<ContentItem>().Where(c => c.ContentType == "Question" && c.Latest)
            .OrderByDescending(c => c.Id).Select(c => c.ContentItemId).FirstAsync();
    });

    /// <summary>A citizen's feedback to <paramref name="unitId"/>, as the public form saves it; returns its id.</summary>
    private Task<string> FeedbackAsync(string unitId) => Target.WithScopeAsync(async s =>
    {
        var unit = await s.GetRequiredService<CitizenUnits>().ResolveAsync(unitId, default);
        await s.GetRequiredService<FeedbackSubmission>().SubmitAsync("Lê Văn Góp", "gop@example.vn", null, unit!, "Đề nghị đăng thêm số liệu giá cả theo huyện.", default);
        return await s.GetRequiredService<CmsDbContext>().Set<ContentItem>().Where(c => c.ContentType == "Feedback" && c.Latest)
            .OrderByDescending(c => c.Id).Select(c => c.ContentItemId).FirstAsync();
    });

    /// <summary>A draft consultation of <paramref name="unitId"/>; returns its id.</summary>
    private Task<string> ConsultationAsync(string unitId) => Target.WithScopeAsync(async s =>
    {
        var contents = s.GetRequiredService<ContentManager>();
        var item = await contents.NewAsync("Consultation");
        item.Content["TitlePart"] = new System.Text.Json.Nodes.JsonObject { ["Title"] = "Dự thảo lấy ý kiến" };
        item.Content["Consultation"] = new System.Text.Json.Nodes.JsonObject
        {
            ["UnitInCharge"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "Phòng Thống kê Tổng hợp" },
            ["OpensAt"] = new System.Text.Json.Nodes.JsonObject { ["Value"] = "2026-11-01T01:00:00Z" },
            ["ClosesAt"] = new System.Text.Json.Nodes.JsonObject { ["Value"] = "2026-12-31T01:00:00Z" },
        };
        return (await contents.CreateForUnitAsync(item, unitId, owner: null)).ContentItemId;
    });

    /// <summary>A reader's comment waiting for a moderator; returns its id.</summary>
    private Task<long> PendingCommentAsync(string itemId) => Target.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<CmsDbContext>();
        var comment = new Comment { ContentItemId = itemId, Name = "Bạn đọc", Text = "Ý kiến chờ kiểm duyệt.", CreatedUtc = DateTime.UtcNow, TokenHash = Guid.NewGuid().ToString("N") };
        db.Add(comment);
        await db.SaveChangesAsync();
        return comment.Id;
    });

    /// <summary>A fresh maintenance window (urgent, on a day of its own), as its page would schedule it; returns its id.</summary>
    private Task<string> MaintenanceWindowAsync() => Target.WithScopeAsync(async s =>
    {
        var start = DateTime.UtcNow.Date.AddDays(400 + (3 * Interlocked.Increment(ref _sequence)));
        var input = new CucThongKe.Core.Maintenance.MaintenanceInput { Start = start, End = start.AddHours(2), Reason = "Bảo trì máy chủ.", Urgent = true, UrgentReason = "Vá lỗi bảo mật." };
        var window = await s.GetRequiredService<CucThongKe.Core.Maintenance.MaintenanceSchedule>().ScheduleAsync(input, "quantri");
        return window.Id.ToString(CultureInfo.InvariantCulture);
    });

    /// <summary>A fresh News draft of Chi cục Đại Từ, written by its contributor; returns its id.</summary>
    private Task<string> OtherDraftAsync() => Target.WithScopeAsync(async s =>
    {
        var contents = s.GetRequiredService<ContentManager>();
        var item = await contents.NewAsync("News");
        item.Content["TitlePart"] = new System.Text.Json.Nodes.JsonObject { ["Title"] = "Bản nháp của Chi cục Đại Từ" };
        item.Content["News"] = new System.Text.Json.Nodes.JsonObject { ["Category"] = new System.Text.Json.Nodes.JsonObject { ["TermIds"] = new System.Text.Json.Nodes.JsonArray("tin-khac") } };
        return (await contents.CreateForUnitAsync(item, "chi-cuc-huyen-dai-tu", owner: "ctv.daitu")).ContentItemId;
    });

    /// <summary>Moves <paramref name="id"/> to the trash; returns it.</summary>
    private Task<string> TrashedAsync(string id) => Target.WithScopeAsync(async s =>
    {
        await s.GetRequiredService<ContentTrash>().TrashAsync(id, null, "Không dùng nữa.");
        return id;
    });

    /// <summary>A fresh term of the news categories, for a merge into "tin-khac"; returns its id.</summary>
    private Task<string> TermToMergeAsync(string n) => Target.WithScopeAsync(async s =>
        (await s.GetRequiredService<CucThongKe.Contents.TaxonomyAdmin.TaxonomyAdministration>().AddAsync("chuyen-muc-tin", "Mục để gộp " + n, null)).TermId);

    private Task<int> LatestVersionAsync(string id) => Target.WithScopeAsync(async s =>
        (await s.GetRequiredService<ContentManager>().GetVersionsAsync(id)).Max(v => v.Version));

    private async Task<HttpRequestMessage> BuildRequestAsync(string action, string? token, Items ids)
    {
        var parts = action.Split(' ');
        var (method, template, intent) = (parts[0], parts[1], parts.Length > 2 ? parts[2] : null);
        var url = template
            .Replace("{own}", ids.Own, StringComparison.Ordinal)
            .Replace("{other}", ids.Other, StringComparison.Ordinal)
            .Replace("{page}", ids.Page, StringComparison.Ordinal)
            .Replace("{user}", ids.UserId, StringComparison.Ordinal)
            .Replace("{royalty}", ids.Royalty.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{othermedia}", ids.OtherMedia.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{media}", ids.Media.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (url.Contains("{freshmedia}", StringComparison.Ordinal))
        {
            url = url.Replace("{freshmedia}", (await UploadMediaAsync(ids.Author)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (url.Contains("{question}", StringComparison.Ordinal))
        {
            url = url.Replace("{question}", await QuestionAsync(), StringComparison.Ordinal);
        }

        if (url.Contains("{triagequestion}", StringComparison.Ordinal))
        {
            url = url.Replace("{triagequestion}", await QuestionAsync(unitId: CitizenUnits.Unknown), StringComparison.Ordinal);
        }

        if (url.Contains("{heldquestion}", StringComparison.Ordinal))
        {
            // A question that hits the setup recipe's screening list ("cá độ"): held until a moderator clears the hit.
            url = url.Replace("{heldquestion}", await QuestionAsync("Xin hỏi số vụ cá độ bóng đá bị phát hiện năm 2025?"), StringComparison.Ordinal);
        }

        if (url.Contains("{feedback}", StringComparison.Ordinal))
        {
            url = url.Replace("{feedback}", await FeedbackAsync("phong-tong-hop"), StringComparison.Ordinal);
        }

        if (url.Contains("{otherfeedback}", StringComparison.Ordinal))
        {
            url = url.Replace("{otherfeedback}", await FeedbackAsync("chi-cuc-huyen-dai-tu"), StringComparison.Ordinal);
        }

        if (url.Contains("consultation}", StringComparison.Ordinal))
        {
            var other = url.Contains("{otherconsultation}", StringComparison.Ordinal);
            var consultation = await ConsultationAsync(other ? "chi-cuc-huyen-dai-tu" : "phong-tong-hop");
            url = url.Replace(other ? "{otherconsultation}" : "{consultation}", consultation, StringComparison.Ordinal);
        }

        if (url.Contains("{comment}", StringComparison.Ordinal))
        {
            url = url.Replace("{comment}", (await PendingCommentAsync(ids.Own)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (url.Contains("{opened}", StringComparison.Ordinal))
        {
            var opened = await CreateAsync(ids.Author, "News", NewsForm("Tin mở thảo luận"));
            await Target.WithScopeAsync(async s => await s.GetRequiredService<Discussions>().OpenAsync((await s.GetRequiredService<ContentManager>().GetAsync(opened, VersionOptions.Latest))!, "truongban", default));
            url = url.Replace("{opened}", opened, StringComparison.Ordinal);
        }

        if (url.Contains("{maintenance}", StringComparison.Ordinal))
        {
            url = url.Replace("{maintenance}", await MaintenanceWindowAsync(), StringComparison.Ordinal);
        }

        if (url.Contains("{trashed}", StringComparison.Ordinal))
        {
            url = url.Replace("{trashed}", await TrashedAsync(await CreateAsync(ids.Author, "News", NewsForm("Tin trong thùng rác"))), StringComparison.Ordinal);
        }

        if (url.Contains("{othertrashed}", StringComparison.Ordinal))
        {
            url = url.Replace("{othertrashed}", await TrashedAsync(await OtherDraftAsync()), StringComparison.Ordinal);
        }

        if (url.Contains("{otherfresh}", StringComparison.Ordinal))
        {
            url = url.Replace("{otherfresh}", await OtherDraftAsync(), StringComparison.Ordinal);
        }

        if (url.Contains("{fresh}", StringComparison.Ordinal))
        {
            url = url.Replace("{fresh}", await CreateAsync(ids.Author, "News", NewsForm("Tin mới để gửi")), StringComparison.Ordinal);
        }

        if (method == "GET")
        {
            return new HttpRequestMessage(HttpMethod.Get, url);
        }

        // The person's antiforgery token from the arrangement (a posting row always has one).
        ArgumentNullException.ThrowIfNull(token);
        HttpContent content = await FormForAsync(url, intent, ids) switch
        {
            IEnumerable<KeyValuePair<string, string>> form => new FormUrlEncodedContent(form.Append(new("__RequestVerificationToken", token))),
            MultipartFormDataContent multipart => WithToken(multipart, token),
            _ => throw new InvalidOperationException(action),
        };
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }

    private static MultipartFormDataContent WithToken(MultipartFormDataContent multipart, string token)
    {
        multipart.Add(new StringContent(token), "__RequestVerificationToken");
        return multipart;
    }

    private int _sequence;

    /// <summary>A valid form for each POST, so that an allowed role's request succeeds.</summary>
    private async Task<object> FormForAsync(string url, string? intent, Items ids)
    {
        var path = url.Split('?')[0];
        var n = Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
        if (path == "/admin/contents/create/News")
        {
            return NewsForm("Tin mới " + n);
        }

        if (url.Contains("handler=Password", StringComparison.Ordinal))
        {
            return new Dictionary<string, string> { ["Input.CurrentPassword"] = Password, ["Input.NewPassword"] = "Mới@2026!matkhau", ["Input.ConfirmPassword"] = "Mới@2026!matkhau" };
        }

        if (url.Contains("handler=Deactivate", StringComparison.Ordinal) || url.Contains("handler=Reactivate", StringComparison.Ordinal)
            || url.Contains("handler=SignOutEverywhere", StringComparison.Ordinal))
        {
            return new Dictionary<string, string>();
        }

        if (url.Contains("handler=Presence", StringComparison.Ordinal) || url.Contains("handler=Delete", StringComparison.Ordinal))
        {
            return new Dictionary<string, string>();
        }

        if (url.Contains("handler=Replace", StringComparison.Ordinal))
        {
            return new MultipartFormDataContent { { new ByteArrayContent(Convert.FromBase64String(TinyPng)), "file", $"thay-{n}.png" } };
        }

        if (path.EndsWith("/edit", StringComparison.Ordinal) && path.StartsWith("/admin/contents/", StringComparison.Ordinal))
        {
            var id = path.Split('/')[3];
            var form = id == ids.Page ? PageForm() : NewsForm("Tin đã sửa " + n);
            form["version"] = (await LatestVersionAsync(id)).ToString(CultureInfo.InvariantCulture);
            form["intent"] = intent ?? "save";
            return form;
        }

        if (path.StartsWith("/admin/gop-y/", StringComparison.Ordinal) && url.Contains("handler=Update", StringComparison.Ordinal))
        {
            return new Dictionary<string, string> { ["Status"] = "InProgress", ["CategoryId"] = "khac" };
        }

        if (path.StartsWith("/admin/gop-y/", StringComparison.Ordinal) && url.Contains("handler=Reply", StringComparison.Ordinal))
        {
            return new Dictionary<string, string> { ["Reply"] = "Cục đã ghi nhận góp ý, xin cảm ơn." };
        }

        if (path == "/admin/du-lieu-ca-nhan")
        {
            return new Dictionary<string, string> { ["Email"] = "gop@example.vn" };
        }

        if (path == "/admin/gop-y/chu-de")
        {
            return new Dictionary<string, string> { ["Text"] = "so-lieu-thong-ke: Số liệu thống kê\ntrang-thong-tin: Trang thông tin điện tử\nthu-tuc-hanh-chinh: Thủ tục\ncan-bo-cong-vu: Cán bộ\nkhac: Khác " + n };
        }

        if (path.StartsWith("/admin/sang-loc/xem-xet/", StringComparison.Ordinal))
        {
            return new Dictionary<string, string>();
        }

        if (path == "/admin/sang-loc")
        {
            return new Dictionary<string, string> { ["Terms"] = "đánh bạc\ncá độ", ["Domains"] = "casino-online.example" };
        }

        if (path == "/admin/y-kien")
        {
            return new Dictionary<string, string> { ["reason"] = "Không liên quan đến nội dung." };
        }

        if (path.StartsWith("/admin/thao-luan/", StringComparison.Ordinal))
        {
            return new Dictionary<string, string>();
        }

        if (path == "/admin/contents" && url.Contains("handler=Bulk", StringComparison.Ordinal))
        {
            var id = url.Split("chon=")[1];
            return new Dictionary<string, string> { ["bulkAction"] = intent!, ["selected"] = $"{id}:{await LatestVersionAsync(id)}" };
        }

        if (path == "/admin/contents" && url.Contains("handler=Row", StringComparison.Ordinal))
        {
            var id = url.Split("chon=")[1];
            return new Dictionary<string, string> { ["row"] = $"{intent}|{id}:{await LatestVersionAsync(id)}" };
        }

        if (path.StartsWith("/admin/contents/thung-rac", StringComparison.Ordinal))
        {
            return new Dictionary<string, string>();
        }

        if (path.StartsWith("/admin/danh-muc/", StringComparison.Ordinal))
        {
            var handler = url.Split("handler=")[1];
            return handler switch
            {
                "Add" => new Dictionary<string, string> { ["termName"] = "Mục mới " + n },
                "Rename" => new Dictionary<string, string> { ["termId"] = "tin-khac", ["termName"] = "Tin khác " + n },
                "Move" => new Dictionary<string, string> { ["termId"] = "tin-khac", ["up"] = "true" },
                _ => new Dictionary<string, string> { ["termId"] = await TermToMergeAsync(n), ["intoId"] = "tin-khac" },
            };
        }

        if (path == "/admin/cai-dat")
        {
            return new Dictionary<string, string> { ["Input.SiteName"] = "Trang thông tin điện tử Cục Thống kê tỉnh Thái Nguyên", ["Input.Citation"] = "Thông tin khai thác từ Trang Thông tin điện tử", ["Input.PageSize"] = "20" };
        }

        if (path.StartsWith("/admin/bao-tri", StringComparison.Ordinal))
        {
            // An urgent window (no notice needed), each on its own day so that none overlaps another.
            var start = DateTime.UtcNow.Date.AddDays(30 + (3 * int.Parse(n, CultureInfo.InvariantCulture)));
            return new Dictionary<string, string>
            {
                ["Input.Start"] = start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                ["Input.End"] = start.AddHours(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                ["Input.Reason"] = "Bảo trì máy chủ.",
                ["Input.Urgent"] = "true",
                ["Input.UrgentReason"] = "Vá lỗi bảo mật.",
                ["version"] = "1",
            };
        }

        if (path.StartsWith("/admin/tiep-nhan/", StringComparison.Ordinal))
        {
            return new Dictionary<string, string> { ["UnitId"] = "phong-kinh-te", ["Reason"] = "Câu hỏi thuộc lĩnh vực thống kê kinh tế." };
        }

        if (path.EndsWith("/versions", StringComparison.Ordinal) && url.Contains("handler=Transfer", StringComparison.Ordinal))
        {
            // Each allowed role moves the item away from wherever the previous one left it.
            var id = path.Split('/')[3];
            var unit = await Target.WithScopeAsync(async s => await s.GetRequiredService<CmsDbContext>().Set<ContentItem>().Where(c => c.ContentItemId == id && c.Latest).Select(c => c.UnitId).SingleAsync());
            return new Dictionary<string, string> { ["unitId"] = unit == "phong-thanh-tra" ? "phong-kinh-te" : "phong-thanh-tra", ["reason"] = "Chuyển về đơn vị phụ trách lĩnh vực này." };
        }

        if (path.EndsWith("/versions", StringComparison.Ordinal))
        {
            var id = path.Split('/')[3];
            return new Dictionary<string, string> { ["version"] = "1", ["latest"] = (await LatestVersionAsync(id)).ToString(CultureInfo.InvariantCulture) };
        }

        if (path.StartsWith("/admin/quy-trinh/noi-dung/", StringComparison.Ordinal) && url.Contains("handler=Emergency", StringComparison.Ordinal))
        {
            return new Dictionary<string, string> { ["reason"] = "Thông tin khẩn cấp về thiên tai cần đăng ngay cho người dân." };
        }

        if (path.StartsWith("/admin/quy-trinh/noi-dung/", StringComparison.Ordinal))
        {
            return new Dictionary<string, string> { ["transition"] = intent!, ["comment"] = "" };
        }

        if (path is "/admin/media" or "/admin/media/chon")
        {
            return new MultipartFormDataContent
            {
                { new StringContent("Thử quyền"), "folder" },
                { new ByteArrayContent(Convert.FromBase64String(TinyPng)), "file", $"anh-{n}.png" },
            };
        }

        if (path == "/admin/users/edit")
        {
            return UserForm("nguoi.moi." + n);
        }

        if (path.StartsWith("/admin/users/edit/", StringComparison.Ordinal))
        {
            return url.Contains("handler=Save", StringComparison.Ordinal) ? UserForm("ctv.tonghop") : new Dictionary<string, string>();
        }

        if (path == "/admin/roles")
        {
            // The grants as they are: saving them changes nothing for anyone.
            var grants = await Target.WithScopeAsync(async s =>
                await (from c in s.GetRequiredService<CmsDbContext>().Set<IdentityRoleClaim<string>>()
                       join r in s.GetRequiredService<CmsDbContext>().Set<CmsRole>() on c.RoleId equals r.Id
                       where c.ClaimType == CmsClaims.Permission
                       select r.Name + "|" + c.ClaimValue).ToListAsync());
            return grants.Select(g => new KeyValuePair<string, string>("grants", g)).ToList();
        }

        if (url.Contains("handler=Merge", StringComparison.Ordinal))
        {
            return new Dictionary<string, string> { ["mergeInto"] = "chi-cuc-huyen-dong-hy", ["mergeReason"] = "Quyết định sáp nhập số 12/QĐ-CTK." };
        }

        if (path == "/admin/units")
        {
            return new Dictionary<string, string> { ["isNew"] = "true", ["Input.Id"] = "don-vi-moi-" + n, ["Input.Name"] = "Đơn vị mới " + n, ["Input.Kind"] = "Department" };
        }

        if (path == "/admin/recipes")
        {
            if (url.Contains("handler=Export", StringComparison.Ordinal))
            {
                return new Dictionary<string, string> { ["includeContent"] = "false" };
            }

            return new MultipartFormDataContent
            {
                { new StringContent("true"), "confirm" },
                { new StringContent("""{ "name": "ten-trang", "steps": [ { "name": "Settings", "Site": { "SiteName": "Cục Thống kê tỉnh Thái Nguyên" } } ] }""", Encoding.UTF8, "application/json"), "file", "ten-trang.recipe.json" },
            };
        }

        if (path == "/admin/quy-trinh/dinh-nghia/quy-trinh-duyet-tin/sua")
        {
            // The definition as it is: an allowed save changes nothing but its own row.
            var definition = await Target.WithScopeAsync(async s => await s.GetRequiredService<WorkflowDefinitionStore>().GetAsync("quy-trinh-duyet-tin"));
            return new Dictionary<string, string> { ["Json"] = JsonSerializer.Serialize(definition, CmsJson.Indented) };
        }

        if (path == "/admin/tai-khoan/ma-truy-cap")
        {
            return new Dictionary<string, string> { ["Name"] = "Kịch bản " + n, ["Days"] = "30" };
        }

        if (path == "/admin/unicode/chuyen-ma")
        {
            return new Dictionary<string, string> { ["van-ban"] = "TiÕng ViÖt", ["nguon"] = "" };
        }

        if (path == "/admin/nghia-vu-bao-cao/danh-muc/sua")
        {
            return new Dictionary<string, string>
            {
                ["Input.Id"] = "nghia-vu-" + n, ["Input.Title"] = "Tin hoạt động của đơn vị " + n, ["Input.UnitId"] = "phong-tong-hop", ["Input.Frequency"] = "Monthly",
                ["Input.DueRule"] = "DayOfMonth", ["Input.DueDay"] = "5", ["Input.ContentType"] = "News", ["Input.Active"] = "true",
            };
        }

        if (path == "/admin/nhuan-but" && url.Contains("handler=Review", StringComparison.Ordinal))
        {
            return new Dictionary<string, string> { ["ids"] = ids.Royalty.ToString(CultureInfo.InvariantCulture) };
        }

        if (path == "/admin/nhuan-but")
        {
            // Each allowed role closes a month of its own, long past and empty.
            return new Dictionary<string, string> { ["ky"] = (2000 + int.Parse(n, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture) + "-01" };
        }

        if (path.StartsWith("/admin/nhuan-but/dieu-chinh/", StringComparison.Ordinal))
        {
            return new Dictionary<string, string> { ["Amount"] = "35" + n + "000", ["Reason"] = "Bài được dùng lại trên bản tin in." };
        }

        if (path == "/admin/nhuan-but/muc/sua")
        {
            return new Dictionary<string, string> { ["Input.Kind"] = "loai-" + n, ["Input.Name"] = "Loại tác phẩm " + n, ["Input.Points"] = "12", ["Input.ValidFrom"] = "2026-01-01" };
        }

        if (path == "/admin/su-co/ghi")
        {
            return new Dictionary<string, string> { ["Input.Title"] = "Sự cố thử " + n, ["Input.Description"] = "Mất kết nối mạng nội bộ.", ["Input.Severity"] = "Medium", ["Input.Status"] = "Open" };
        }

        if (path == "/admin/chi-so")
        {
            var release = await Target.WithScopeAsync(async s => await s.GetRequiredService<CmsDbContext>().Set<ReleaseEntry>().Where(e => e.Key == "ma-tran-quyen").Select(e => e.Id).SingleAsync());
            return new MultipartFormDataContent
            {
                { new StringContent(release.ToString(CultureInfo.InvariantCulture)), "dot" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes($"Mã chỉ số,Kỳ,Giá trị\ncpi,T1/2099,10{n}\n")), "file", "cpi.csv" },
            };
        }

        if (path == "/admin/tu-dong-nghia")
        {
            return new Dictionary<string, string> { ["Lines"] = "CPI = chỉ số giá tiêu dùng\nKT-XH = kinh tế - xã hội " + n };
        }

        if (path == "/admin/lich-cong-bo")
        {
            return new Dictionary<string, string>
            {
                ["Form.Key"] = "dot-moi-" + n, ["Form.Title"] = "Đợt công bố mới " + n, ["Form.Planned"] = "2099-11-01T09:00", ["Form.Indicators"] = "cpi",
            };
        }

        if (path is "/admin/recipes/run" or "/admin/search" or "/admin/thong-bao" or "/admin/unicode/bao-cao")
        {
            return new Dictionary<string, string>();
        }

        throw new InvalidOperationException($"No form for {url}: add one.");
    }

    private static Dictionary<string, string> UserForm(string userName) => new()
    {
        ["Input.UserName"] = userName, ["Input.DisplayName"] = "Người dùng " + userName, ["Input.UnitId"] = "phong-tong-hop", ["Input.Roles"] = "Contributor",
        ["Input.Password"] = userName == "ctv.tonghop" ? "" : "Moi@2026!ctk",
    };

    /// <summary>A 1×1 PNG.</summary>
    private const string TinyPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private static async Task<string> ExcerptAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var alert = AlertPattern().Match(body);
        return alert.Success ? alert.Value : body[..Math.Min(body.Length, 300)];
    }

    [GeneratedRegex("/admin/contents/([0-9a-f]{32})/edit")]
    private static partial Regex EditUrl();

    [GeneratedRegex("<p class=\"alert[^\"]*\"[^>]*>[^<]*</p>")]
    private static partial Regex AlertPattern();
}

public sealed class SqlitePermissionMatrixTests(SharedSite shared) : PermissionMatrixTests(DatabaseProvider.Sqlite, shared), IClassFixture<SharedSite>;

// SQLite only: the database does not matter to authorization, refused before the database is written.
