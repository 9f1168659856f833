using System.Net;
using System.Text.Json.Nodes;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Security;
using CucThongKe.Tests.Site;
using CucThongKe.Users.Identity;
using CucThongKe.Workflows.Definitions;
using CucThongKe.Workflows.Instances;
using CucThongKe.Workflows.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>
/// Nobody raises their own rights: a user never changes their own roles, nobody grants emergency publication to a role
/// they hold; every change of roles, permissions and workflow definitions is recorded (before/after) in an append-only
/// log the board reads and is told of.
/// </summary>
public abstract class RoleChangeTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private const string Password = "Demo@2026!ctk";

    /// <summary>A second administrator who is also a Publisher (a role that could carry emergency publication).</summary>
    private const string SecondAdmin = "quantri2";

    private static readonly string[] Board = ["truongban", "uyvien", "thuky"];

    [Fact]
    public async Task A_user_cannot_change_their_own_roles_on_the_user_page()
    {
        await RunRecipeAsync("role-change-people.recipe.json");
        var admin = await SignedInAsync(SecondAdmin, Password);
        var id = await UserIdAsync(SecondAdmin);
        var token = await AntiforgeryTokenAsync(admin, $"/admin/users/edit/{id}");
        var before = await DatabaseSnapshot.TakeAsync(Site);

        var addBoardHead = await admin.PostAsync($"/admin/users/edit/{id}?handler=Save", UserForm(token, SecondAdmin, "van-phong", "Administrator", "Publisher", "BoardHead"));
        var dropPublisher = await admin.PostAsync($"/admin/users/edit/{id}?handler=Save", UserForm(token, SecondAdmin, "van-phong", "Administrator"));

        AssertStatus(HttpStatusCode.Forbidden, addBoardHead);
        AssertStatus(HttpStatusCode.Forbidden, dropPublisher);
        Assert.Contains("không được tự đổi vai trò của chính mình", WebUtility.HtmlDecode(await addBoardHead.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);
        Assert.Equal(["Administrator", "Publisher"], await RolesOfAsync(SecondAdmin));
    }

    [Fact]
    public async Task A_user_cannot_give_themselves_a_role_or_emergency_publication_through_a_recipe()
    {
        await RunRecipeAsync("role-change-people.recipe.json");
        var admin = await SignedInAsync(SecondAdmin, Password);
        var before = await DatabaseSnapshot.TakeAsync(Site);

        var role = await UploadRecipeAsync(admin, "self-grant-role.recipe.json");
        var emergency = await UploadRecipeAsync(admin, "self-grant-emergency.recipe.json");

        AssertStatus(HttpStatusCode.BadRequest, role);
        AssertStatus(HttpStatusCode.BadRequest, emergency);
        // The back office refuses the Users step outright (accounts are made on the Users page), so no self-grant gets through it.
        Assert.Contains("không được tạo hay sửa tài khoản", WebUtility.HtmlDecode(await role.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("EmergencyPublish", WebUtility.HtmlDecode(await emergency.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);
    }

    [Fact]
    public async Task Nobody_grants_emergency_publication_to_a_role_they_hold_nor_takes_a_role_that_carries_it()
    {
        await RunRecipeAsync("role-change-people.recipe.json");
        var admin = await SignedInAsync(SecondAdmin, Password);
        var grants = await GrantsAsync();
        var before = await DatabaseSnapshot.TakeAsync(Site);

        var toOwnRole = await PostMatrixAsync(admin, [.. grants, "Publisher|EmergencyPublish"]);

        AssertStatus(HttpStatusCode.Forbidden, toOwnRole);
        Assert.Contains("mà chính bạn đang giữ", WebUtility.HtmlDecode(await toOwnRole.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);

        // To a role they do not hold it may go (someone else holds that role), and it is recorded...
        AssertStatus(HttpStatusCode.Redirect, await PostMatrixAsync(admin, [.. grants, "BoardMember|EmergencyPublish"]));
        var entry = await SingleEntryAsync(AdminAuditActions.RolePermissions);
        Assert.Equal(("BoardMember", SecondAdmin), (entry.Subject, entry.UserName));
        Assert.DoesNotContain("EmergencyPublish", entry.Before!, StringComparison.Ordinal);
        Assert.Contains("EmergencyPublish", entry.After!, StringComparison.Ordinal);
        Assert.Contains("ViewAllContent", entry.Before!, StringComparison.Ordinal);

        // ...but then they cannot take that role themselves.
        var id = await UserIdAsync(SecondAdmin);
        var token = await AntiforgeryTokenAsync(admin, $"/admin/users/edit/{id}");
        AssertStatus(HttpStatusCode.Forbidden, await admin.PostAsync($"/admin/users/edit/{id}?handler=Save", UserForm(token, SecondAdmin, "van-phong", "Administrator", "Publisher", "BoardMember")));
        Assert.Equal(["Administrator", "Publisher"], await RolesOfAsync(SecondAdmin));
    }

    [Fact]
    public async Task Another_administrators_change_of_roles_is_recorded_with_before_and_after_and_the_board_is_told()
    {
        await RunRecipeAsync("role-change-people.recipe.json");
        var admin = await SignedInAsync(TestSite.AdminUserName, TestSite.AdminPassword);
        var id = await UserIdAsync("ctv.tonghop");
        var token = await AntiforgeryTokenAsync(admin, $"/admin/users/edit/{id}");

        var response = await admin.PostAsync($"/admin/users/edit/{id}?handler=Save", UserForm(token, "ctv.tonghop", "phong-tong-hop", "Contributor", "UnitHead"));

        AssertStatus(HttpStatusCode.Redirect, response);
        var entry = await SingleEntryAsync(AdminAuditActions.UserRoles);
        Assert.Equal(("ctv.tonghop", TestSite.AdminUserName, "Contributor", "Contributor, UnitHead"), (entry.Subject, entry.UserName, entry.Before, entry.After));
        // The roles by their Vietnamese names, separated by semicolons (a name may hold a comma).
        await AssertBoardToldAsync("Vai trò của tài khoản ctv.tonghop: [Cán bộ, cộng tác viên] → [Cán bộ, cộng tác viên; Thủ trưởng đơn vị]");
        var log = WebUtility.HtmlDecode(await (await SignedInAsync("uyvien", Password)).GetStringAsync("/admin/nhat-ky-quan-tri"));
        Assert.Contains("Vai trò của tài khoản ctv.tonghop", log, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Forbidden, await (await SignedInAsync("ctv.tonghop", Password)).GetAsync("/admin/nhat-ky-quan-tri"));
    }

    [Fact]
    public async Task A_workflow_definition_change_is_recorded_with_before_and_after_and_the_board_is_told()
    {
        await RunRecipeAsync("role-change-people.recipe.json");
        var admin = await SignedInAsync(TestSite.AdminUserName, TestSite.AdminPassword);
        var stored = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<WorkflowDefinitionRecord>().Where(r => r.Name == "quy-trinh-duyet-tin").Select(r => r.Json).SingleAsync());
        const string url = "/admin/quy-trinh/dinh-nghia/quy-trinh-duyet-tin/sua";
        var definition = JsonNode.Parse(stored)!.AsObject();
        definition["Transitions"]!.AsArray().Single(t => t!["Name"]!.GetValue<string>() == "submit")!["DisplayName"] = "Gửi trưởng đơn vị duyệt";
        var changed = definition.ToJsonString();

        var response = await admin.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(admin, url),
            ["Json"] = changed,
        }));

        AssertStatus(HttpStatusCode.Redirect, response);
        var entry = await SingleEntryAsync(AdminAuditActions.WorkflowDefinition);
        Assert.Equal(("quy-trinh-duyet-tin", TestSite.AdminUserName, stored), (entry.Subject, entry.UserName, entry.Before));
        Assert.Contains("Gửi trưởng đơn vị duyệt", entry.After!, StringComparison.Ordinal);
        await AssertBoardToldAsync("Sửa quy trình “Quy trình duyệt tin bài” (quy-trinh-duyet-tin)");
    }

    [Fact]
    public async Task Admin_audit_entries_cannot_be_changed_or_deleted()
    {
        await RunRecipeAsync("role-change-people.recipe.json");
        var admin = await SignedInAsync(TestSite.AdminUserName, TestSite.AdminPassword);
        var id = await UserIdAsync("ctv.tonghop");
        var token = await AntiforgeryTokenAsync(admin, $"/admin/users/edit/{id}");
        AssertStatus(HttpStatusCode.Redirect, await admin.PostAsync($"/admin/users/edit/{id}?handler=Save", UserForm(token, "ctv.tonghop", "phong-tong-hop", "Contributor", "UnitHead")));
        var before = await DatabaseSnapshot.TakeAsync(Site);

        var edit = await Assert.ThrowsAsync<InvalidOperationException>(() => Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            var entry = await db.Set<AdminAuditEntry>().SingleAsync(e => e.UserName == TestSite.AdminUserName);
            entry.After = "Contributor";
            await db.SaveChangesAsync();
        }));
        var delete = await Assert.ThrowsAsync<InvalidOperationException>(() => Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            db.Remove(await db.Set<AdminAuditEntry>().SingleAsync(e => e.UserName == TestSite.AdminUserName));
            await db.SaveChangesAsync();
        }));

        Assert.Contains("chỉ được ghi thêm", edit.Message, StringComparison.Ordinal);
        Assert.Contains("chỉ được ghi thêm", delete.Message, StringComparison.Ordinal);
        await before.AssertUnchangedAsync(Site);
    }

    private async Task<HttpClient> SignedInAsync(string userName, string password)
    {
        var client = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, userName, password));
        return client;
    }

    private Task<string> UserIdAsync(string userName) => Site.WithScopeAsync(async s =>
        (await s.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName))!.Id);

    private Task<List<string>> RolesOfAsync(string userName) => Site.WithScopeAsync(async s =>
    {
        var users = s.GetRequiredService<UserManager<CmsUser>>();
        return (await users.GetRolesAsync((await users.FindByNameAsync(userName))!)).Order(StringComparer.Ordinal).ToList();
    });

    private Task<List<string>> GrantsAsync() => Site.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<CmsDbContext>();
        return await (from c in db.Set<IdentityRoleClaim<string>>()
                      join r in db.Set<CmsRole>() on c.RoleId equals r.Id
                      where c.ClaimType == CmsClaims.Permission
                      select r.Name + "|" + c.ClaimValue).ToListAsync();
    });

    /// <summary>The one entry of <paramref name="action"/> a person made in the back office (loading the test's people from the
    /// command line is recorded too, under <see cref="SiteTestBase.TestDataActor"/>).</summary>
    private Task<AdminAuditEntry> SingleEntryAsync(string action) => Site.WithScopeAsync(s =>
        s.GetRequiredService<CmsDbContext>().Set<AdminAuditEntry>().AsNoTracking().SingleAsync(e => e.Action == action && e.UserName != TestDataActor));

    /// <summary>Every board member has one notification of the change naming <paramref name="text"/>; nobody else has one.</summary>
    private async Task AssertBoardToldAsync(string text)
    {
        var told = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<WorkflowNotification>()
            .Where(n => n.Reason == BoardAuditNotifier.Reason && n.Message.Contains(text)).Select(n => n.UserName).ToListAsync());
        Assert.Equal(Board.Order(StringComparer.Ordinal), told.Order(StringComparer.Ordinal));
    }

    private static FormUrlEncodedContent UserForm(string token, string userName, string unit, params string[] roles) =>
        new(new[]
        {
            new KeyValuePair<string, string>("__RequestVerificationToken", token),
            new("Input.UserName", userName),
            new("Input.UnitId", unit),
        }.Concat(roles.Select(r => new KeyValuePair<string, string>("Input.Roles", r))));

    private static async Task<HttpResponseMessage> PostMatrixAsync(HttpClient client, IEnumerable<string> grants)
    {
        var token = await AntiforgeryTokenAsync(client, "/admin/roles");
        return await client.PostAsync("/admin/roles", new FormUrlEncodedContent(
            grants.Select(g => new KeyValuePair<string, string>("grants", g)).Append(new("__RequestVerificationToken", token))));
    }

    private static async Task<HttpResponseMessage> UploadRecipeAsync(HttpClient client, string file)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await AntiforgeryTokenAsync(client, "/admin/recipes")), "__RequestVerificationToken" },
            { new StringContent("true"), "confirm" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(TestRecipe(file))), "file", file },
        };
        return await client.PostAsync("/admin/recipes?handler=Upload", form);
    }
}

public sealed class SqliteRoleChangeTests() : RoleChangeTests(DatabaseProvider.Sqlite);

// SQLite only: role rules and the append-only audit (a SaveChanges check, not a database trigger) are in the application.
