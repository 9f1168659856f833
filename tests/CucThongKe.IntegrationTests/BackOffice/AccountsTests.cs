using System.Net;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.BackOffice;

/// <summary>Accounts, roles and units managed in the back office.</summary>
/// <remarks>The refused account forms share one site and one signed-in administrator (<see cref="RefusalsAsync"/>): none
/// creates an account, so each still compares the count before and after its own request.</remarks>
public sealed class AccountsTests(SharedSite shared) : SiteTestBase(DatabaseProvider.Sqlite), IClassFixture<SharedSite>
{
    private async Task<HttpClient> AdminAsync()
    {
        var client = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword));
        return client;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string url, IEnumerable<KeyValuePair<string, string>> values)
    {
        var token = await AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(url, new FormUrlEncodedContent(values.Append(new("__RequestVerificationToken", token))));
    }

    private Task<int> UserCountAsync() => UserCountAsync(Site);

    private static Task<int> UserCountAsync(TestSite site) => site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<CmsUser>().CountAsync());

    /// <summary>The class's shared site, for account forms that are refused, with the administrator signed in once.</summary>
    private Task<(TestSite Site, HttpClient Administrator)> RefusalsAsync() => shared.GetAsync(Provider, async site =>
    {
        var client = ClientOf(site);
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword));
        return client;
    });

    [Fact]
    public async Task An_administrator_creates_an_account_with_a_unit_and_a_role_and_it_can_sign_in()
    {
        var admin = await AdminAsync();

        var response = await PostAsync(admin, "/admin/users/edit", "/admin/users/edit?handler=Save",
        [
            new("Input.UserName", "ctv.vonhai"), new("Input.DisplayName", "Cộng tác viên Võ Nhai"), new("Input.UnitId", "chi-cuc-huyen-vo-nhai"),
            new("Input.Roles", "Contributor"), new("Input.Password", "Vonhai@2026!"), new("Input.Email", "ctv.vonhai@example.vn"),
        ]);

        AssertStatus(HttpStatusCode.Redirect, response);
        var user = await Site.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CmsUser>>();
            var found = await users.FindByNameAsync("ctv.vonhai");
            return (found, await users.GetRolesAsync(found!));
        });
        Assert.Equal("chi-cuc-huyen-vo-nhai", user.found!.UnitId);
        Assert.Equal(["Contributor"], user.Item2);
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(Client(), "ctv.vonhai", "Vonhai@2026!"));
    }

    [Theory]
    [InlineData("khong-co-don-vi", "Contributor", "Vonhai@2026!", "Hãy chọn một đơn vị")]
    [InlineData("phong-tong-hop", "VaiTroLa", "Vonhai@2026!", "vai trò không tồn tại")]
    [InlineData("phong-tong-hop", "Contributor", "yeu", "Mật khẩu phải dài ít nhất 10 ký tự")]
    public async Task A_bad_account_form_is_refused_with_a_reason_and_creates_nothing(string unit, string role, string password, string message)
    {
        var (site, admin) = await RefusalsAsync();
        var before = await UserCountAsync(site);

        var response = await PostAsync(admin, "/admin/users/edit", "/admin/users/edit?handler=Save",
        [
            new("Input.UserName", "nguoi.moi"), new("Input.UnitId", unit), new("Input.Roles", role), new("Input.Password", password),
        ]);

        AssertStatus(HttpStatusCode.BadRequest, response);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await UserCountAsync(site));
    }

    [Fact]
    public async Task An_administrator_unlocks_a_locked_account()
    {
        await RunRecipeAsync("backoffice-users.recipe.json");
        var victim = Client();
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(victim, "ctv.tonghop", "sai-mat-khau");
        }

        AssertStatus(HttpStatusCode.BadRequest, await SignInAsync(Client(), "ctv.tonghop", "Demo@2026!ctk"));
        var id = await Site.WithScopeAsync(async s => (await s.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync("ctv.tonghop"))!.Id);
        var admin = await AdminAsync();
        Assert.Contains("Đang bị khoá", await admin.GetStringAsync("/admin/users"), StringComparison.Ordinal);

        var unlock = await PostAsync(admin, $"/admin/users/edit/{id}", $"/admin/users/edit/{id}?handler=Unlock", []);

        AssertStatus(HttpStatusCode.Redirect, unlock);
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(Client(), "ctv.tonghop", "Demo@2026!ctk"));
    }

    [Fact]
    public async Task Account_role_and_unit_pages_answer_403_to_a_contributor()
    {
        await RunRecipeAsync("backoffice-users.recipe.json");
        var client = Client();
        await SignInAsync(client, "ctv.tonghop", "Demo@2026!ctk");

        foreach (var url in new[] { "/admin/users", "/admin/users/edit", "/admin/roles", "/admin/units", "/admin/users/audit" })
        {
            AssertStatus(HttpStatusCode.Forbidden, await client.GetAsync(url));
        }

        var post = await PostAsync(client, "/admin", "/admin/users/edit?handler=Save",
            [new("Input.UserName", "ke.gian"), new("Input.UnitId", "phong-tong-hop"), new("Input.Roles", "Administrator"), new("Input.Password", "Kegian@2026!")]);
        AssertStatus(HttpStatusCode.Forbidden, post);
        Assert.Null(await Site.WithScopeAsync(s => s.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync("ke.gian")));
    }

    [Fact]
    public async Task The_permission_matrix_grants_and_refuses_unknown_permissions()
    {
        var admin = await AdminAsync();

        var bad = await PostAsync(admin, "/admin/roles", "/admin/roles", [new("grants", "UnitHead|XoaHet")]);
        var good = await PostAsync(admin, "/admin/roles", "/admin/roles", [new("grants", "UnitHead|EditContent"), new("grants", "UnitHead|ViewAllContent")]);

        AssertStatus(HttpStatusCode.BadRequest, bad);
        AssertStatus(HttpStatusCode.Redirect, good);
        var permissions = await Site.WithScopeAsync(async s =>
        {
            var roles = s.GetRequiredService<RoleManager<CmsRole>>();
            return (await roles.GetClaimsAsync((await roles.FindByNameAsync("UnitHead"))!)).Select(c => c.Value).Order(StringComparer.Ordinal).ToList();
        });
        Assert.Equal(["EditContent", "ViewAllContent"], permissions);
    }

    [Fact]
    public async Task Units_are_added_and_a_cycle_in_the_tree_is_refused()
    {
        var admin = await AdminAsync();

        var created = await PostAsync(admin, "/admin/units", "/admin/units", [new("isNew", "true"), new("Input.Id", "phong-du-lieu"), new("Input.Name", "Phòng Dữ liệu và Công nghệ thông tin"), new("Input.ParentId", "cuc-thong-ke"), new("Input.Kind", "Department")]);
        var cycle = await PostAsync(admin, "/admin/units/cuc-thong-ke", "/admin/units/cuc-thong-ke", [new("isNew", "false"), new("Input.Id", "cuc-thong-ke"), new("Input.Name", "Cục Thống kê tỉnh Thái Nguyên"), new("Input.ParentId", "phong-du-lieu"), new("Input.Kind", "Office")]);
        var badId = await PostAsync(admin, "/admin/units", "/admin/units", [new("isNew", "true"), new("Input.Id", "Phòng Mới"), new("Input.Name", "Phòng mới")]);

        AssertStatus(HttpStatusCode.Redirect, created);
        AssertStatus(HttpStatusCode.BadRequest, cycle);
        AssertStatus(HttpStatusCode.BadRequest, badId);
        var units = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<Unit>().ToListAsync());
        Assert.Equal("cuc-thong-ke", units.Single(u => u.Id == "phong-du-lieu").ParentId);
        Assert.Null(units.Single(u => u.Id == "cuc-thong-ke").ParentId);
        Assert.DoesNotContain(units, u => u.Name == "Phòng mới");
    }

    [Fact]
    public async Task Renames_and_merges_of_units_are_kept_as_history_and_items_keep_their_unit()
    {
        await RunRecipeAsync("backoffice-users.recipe.json");
        var writer = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(writer, "ctv.daitu", "Demo@2026!ctk"));
        var token = await AntiforgeryTokenAsync(writer, "/admin/contents/create/News");
        var created = await writer.PostAsync("/admin/contents/create/News", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["TitlePart.Title"] = "Tin của Chi cục Đại Từ", ["News.Category.TermIds"] = "tin-khac",
        }));
        AssertStatus(HttpStatusCode.Redirect, created);
        var admin = await AdminAsync();

        var renamed = await PostAsync(admin, "/admin/units/chi-cuc-huyen-dai-tu", "/admin/units/chi-cuc-huyen-dai-tu",
            [new("isNew", "false"), new("Input.Id", "chi-cuc-huyen-dai-tu"), new("Input.Name", "Chi cục Thống kê khu vực Đại Từ"), new("Input.Kind", "Branch"), new("Input.ChangeDate", "2025-03-01")]);
        var merged = await PostAsync(admin, "/admin/units/chi-cuc-huyen-dai-tu", "/admin/units/chi-cuc-huyen-dai-tu",
            [new("isNew", "false"), new("Input.Id", "chi-cuc-huyen-dai-tu"), new("Input.Name", "Chi cục Thống kê khu vực Đại Từ"), new("Input.Kind", "Branch"),
             new("Input.EffectiveTo", "2025-07-01"), new("Input.SucceededById", "chi-cuc-thanh-pho-thai-nguyen")]);
        var intoItself = await PostAsync(admin, "/admin/units/chi-cuc-huyen-dai-tu", "/admin/units/chi-cuc-huyen-dai-tu",
            [new("isNew", "false"), new("Input.Id", "chi-cuc-huyen-dai-tu"), new("Input.Name", "Chi cục Thống kê khu vực Đại Từ"), new("Input.SucceededById", "chi-cuc-huyen-dai-tu")]);
        var page = await admin.GetStringAsync("/admin/units/chi-cuc-huyen-dai-tu");
        var receiving = await admin.GetStringAsync("/admin/units/chi-cuc-thanh-pho-thai-nguyen");

        AssertStatus(HttpStatusCode.Redirect, renamed);
        AssertStatus(HttpStatusCode.Redirect, merged);
        AssertStatus(HttpStatusCode.BadRequest, intoItself);
        var history = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<UnitChange>().OrderBy(c => c.Id).ToListAsync());
        Assert.Collection(history,
            rename => Assert.Equal((UnitChangeKind.Renamed, "Chi cục Thống kê huyện Đại Từ", "Chi cục Thống kê khu vực Đại Từ", new DateOnly(2025, 3, 1), "admin"), (rename.Kind, rename.OldName, rename.NewName, rename.EffectiveDate, rename.RecordedBy)),
            merge => Assert.Equal((UnitChangeKind.Merged, "Chi cục Thống kê khu vực Đại Từ", "chi-cuc-thanh-pho-thai-nguyen", new DateOnly(2025, 7, 1)), (merge.Kind, merge.OldName, merge.MergedIntoId, merge.EffectiveDate)));
        Assert.Contains("<td>01/03/2025</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Chi cục Thống kê huyện Đại Từ</td>", page, StringComparison.Ordinal);
        Assert.Contains("Sáp nhập vào đơn vị khác", page, StringComparison.Ordinal);
        Assert.Contains("Nhận sáp nhập", receiving, StringComparison.Ordinal);
        var unitOfItem = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<Contents.Models.ContentItem>().Select(i => i.AuthorUnitId).SingleAsync());
        Assert.Equal("chi-cuc-huyen-dai-tu", unitOfItem);
    }
}
