using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
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
public abstract partial class PermissionMatrixTests(DatabaseProvider provider) : SiteTestBase(provider)
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
        { "GET /admin/tim-kiem?q=tin", Everyone },

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
        { "GET /admin/users/audit", AdministratorOnly },
        { "GET /admin/roles", AdministratorOnly },
        { "POST /admin/roles", AdministratorOnly },
        { "GET /admin/units", AdministratorOnly },
        { "GET /admin/units/phong-tong-hop", AdministratorOnly },
        { "POST /admin/units", AdministratorOnly },
        { "GET /admin/recipes", AdministratorOnly },
        { "POST /admin/recipes?handler=Upload", AdministratorOnly },
        { "POST /admin/recipes?handler=Export", AdministratorOnly },
        { "GET /admin/recipes/run?id=site/cucthongke-thainguyen.recipe.json", AdministratorOnly },
        { "POST /admin/recipes/run?id=site/cucthongke-thainguyen.recipe.json", AdministratorOnly },
        // Triage of a citizen's question ({question}: one sent to the users' unit): the board moves it; the triage unit's
        // staff move only what reached the triage unit (QuestionAnswerTests), and these users are not of it.
        { "GET /admin/tiep-nhan/{question}/chuyen-don-vi", "Administrator BoardHead" },
        { "POST /admin/tiep-nhan/{question}/chuyen-don-vi", "Administrator BoardHead" },

        // The admin-audit log (roles, permissions, workflow definitions, transfers): administrators and the board read it.
        { "GET /admin/nhat-ky-quan-tri", "Administrator BoardHead BoardMember BoardSecretary" },
        { "GET /admin/search", AdministratorOnly },
        { "POST /admin/search?handler=Rebuild", AdministratorOnly },

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

    [Fact]
    public void The_matrix_names_every_role_of_the_regulation_and_every_back_office_page()
    {
        Assert.Equal(9, UserOfRole.Count);
        // Every row's address with its placeholders as any one segment, the query left off.
        var addresses = Matrix.Select(row => Regex.Replace(((string)row[0]).Split(' ')[1].Split('?')[0], "\\{[a-z]+\\}", "x")).ToList();
        var pages = Site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
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
    [MemberData(nameof(Matrix))]
    public async Task Allowed_roles_succeed_and_the_others_get_403_with_nothing_changed(string action, string allowedRoles)
    {
        await RunRecipeAsync("permission-matrix.recipe.json");
        var allowed = allowedRoles.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        // Nine sign-ins: under the sign-in rate limit (ten a minute from one address).
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var (role, user) in UserOfRole)
        {
            clients[role] = await SignedInAsync(user);
        }

        var ids = await ArrangeItemsAsync(clients["Contributor"], clients["Publisher"]);

        // Refused roles first, so that an allowed change (a new version, a new account) never hides a refused one.
        foreach (var role in UserOfRole.Keys.OrderBy(r => allowed.Contains(r)))
        {
            var client = clients[role];
            var request = await BuildRequestAsync(client, action, ids);
            var before = await DatabaseSnapshot.TakeAsync(Site);
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
                var changed = before.Differences(await DatabaseSnapshot.TakeAsync(Site));
                Assert.True(changed.Count == 0, $"{role} was refused {action} but the database changed:\n{string.Join("\n", changed)}");
            }
        }
    }

    private sealed record Items(string Own, string Other, string Page, string UserId, HttpClient Author, long Media, long OtherMedia, long Royalty);

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, user, Password));
        return client;
    }

    private async Task<Items> ArrangeItemsAsync(HttpClient author, HttpClient publisher)
    {
        var own = await CreateAsync(author, "News", NewsForm("Tin của phòng Tổng hợp"));
        await SaveAsync(author, own, 1, NewsForm("Tin của phòng Tổng hợp (sửa)"));
        var other = await SignedInAsync("ctv.daitu");
        var otherId = await CreateAsync(other, "News", NewsForm("Tin của Chi cục Đại Từ"));
        await SaveAsync(other, otherId, 1, NewsForm("Tin của Chi cục Đại Từ (sửa)"));
        var page = await CreateAsync(publisher, "Page", PageForm());
        var userId = await Site.WithScopeAsync(async s => (await s.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync("ctv.tonghop"))!.Id);
        var royalty = await Site.WithScopeAsync(async s =>
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
        return await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<CucThongKe.Media.Library.MediaFile>().MaxAsync(m => m.Id));
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
    private Task<string> QuestionAsync() => Site.WithScopeAsync(async s =>
    {
        var unit = await s.GetRequiredService<CitizenUnits>().ResolveAsync("phong-tong-hop", default);
        await s.GetRequiredService<QuestionSubmission>().SubmitAsync("Lê Văn Hỏi", "hoi@example.vn", null, unit!, "Xin cho biết dân số trung bình của tỉnh năm 2025?", default);
        return await s.GetRequiredService<CmsDbContext>().Set<ContentItem>().Where(c => c.ContentType == "Question" && c.Latest)
            .OrderByDescending(c => c.Id).Select(c => c.ContentItemId).FirstAsync();
    });

    private Task<int> LatestVersionAsync(string id) => Site.WithScopeAsync(async s =>
        (await s.GetRequiredService<ContentManager>().GetVersionsAsync(id)).Max(v => v.Version));

    private async Task<HttpRequestMessage> BuildRequestAsync(HttpClient client, string action, Items ids)
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

        if (url.Contains("{fresh}", StringComparison.Ordinal))
        {
            url = url.Replace("{fresh}", await CreateAsync(ids.Author, "News", NewsForm("Tin mới để gửi")), StringComparison.Ordinal);
        }

        if (method == "GET")
        {
            return new HttpRequestMessage(HttpMethod.Get, url);
        }

        // Antiforgery tokens are per user, not per page: the profile page every role may open gives one.
        var token = await AntiforgeryTokenAsync(client, "/admin/tai-khoan/xac-thuc-hai-buoc");
        Assert.False(string.IsNullOrEmpty(token), "No antiforgery token on the two-factor page.");
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

        if (path.StartsWith("/admin/tiep-nhan/", StringComparison.Ordinal))
        {
            return new Dictionary<string, string> { ["UnitId"] = "phong-kinh-te", ["Reason"] = "Câu hỏi thuộc lĩnh vực thống kê kinh tế." };
        }

        if (path.EndsWith("/versions", StringComparison.Ordinal) && url.Contains("handler=Transfer", StringComparison.Ordinal))
        {
            // Each allowed role moves the item away from wherever the previous one left it.
            var id = path.Split('/')[3];
            var unit = await Site.WithScopeAsync(async s => await s.GetRequiredService<CmsDbContext>().Set<ContentItem>().Where(c => c.ContentItemId == id && c.Latest).Select(c => c.UnitId).SingleAsync());
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
            var grants = await Site.WithScopeAsync(async s =>
                await (from c in s.GetRequiredService<CmsDbContext>().Set<IdentityRoleClaim<string>>()
                       join r in s.GetRequiredService<CmsDbContext>().Set<CmsRole>() on c.RoleId equals r.Id
                       where c.ClaimType == CmsClaims.Permission
                       select r.Name + "|" + c.ClaimValue).ToListAsync());
            return grants.Select(g => new KeyValuePair<string, string>("grants", g)).ToList();
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
            var definition = await Site.WithScopeAsync(async s => await s.GetRequiredService<WorkflowDefinitionStore>().GetAsync("quy-trinh-duyet-tin"));
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
            var release = await Site.WithScopeAsync(async s => await s.GetRequiredService<CmsDbContext>().Set<ReleaseEntry>().Where(e => e.Key == "ma-tran-quyen").Select(e => e.Id).SingleAsync());
            return new MultipartFormDataContent
            {
                { new StringContent(release.ToString(CultureInfo.InvariantCulture)), "dot" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes($"Mã chỉ số,Kỳ,Giá trị\ncpi,T1/2099,10{n}\n")), "file", "cpi.csv" },
            };
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

public sealed class SqlitePermissionMatrixTests() : PermissionMatrixTests(DatabaseProvider.Sqlite);

// SQLite only: the database does not matter to authorization, refused before the database is written.
