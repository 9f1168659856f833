using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;
using CucThongKe.Users.Identity;
using CucThongKe.Workflows.Definitions;
using CucThongKe.Workflows.Instances;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>
/// Separation of duties: the author, the unit check, the secretary's presentation, the board head's approval and the
/// publication of one item are five different people, whatever roles each holds (Điều 9.5.c, 15.1-2, 11.4).
/// </summary>
public abstract class SeparationOfDutiesTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    /// <summary>Holds UnitHead, BoardSecretary, BoardHead and Publisher in the contributor's unit.</summary>
    private const string Pluralist = "kiemnhiem";

    private const string Admin = TestSite.AdminUserName;

    [Fact]
    public async Task An_administrator_who_gave_itself_every_role_of_the_chain_cannot_take_an_item_from_draft_to_public_alone()
    {
        await AddPeopleAsync();
        await Site.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CmsUser>>();
            var admin = (await users.FindByNameAsync(Admin))!;
            admin.UnitId = "phong-tong-hop";
            Assert.True((await users.UpdateAsync(admin)).Succeeded);
            Assert.True((await users.AddToRolesAsync(admin, ["Contributor", "UnitHead", "BoardSecretary", "BoardHead", "Publisher"])).Succeeded);
        });
        var id = await CreateNewsAsync("Tin quản trị tự đăng", Admin);
        await AdvanceAsync(id, (Admin, "submit"));

        // Every later gate is refused to the author, with the reason, and changes nothing stored.
        foreach (var (gate, rightful) in new[] { ("send-to-board", UnitHead), ("present", Secretary), ("approve", BoardHead), ("publish", Publisher) })
        {
            Assert.DoesNotContain(gate, AvailableTo(await StatusAsync(id, Admin)));
            var before = await DatabaseSnapshot.TakeAsync(Site, "ApiTokens");
            var refused = await TransitionAsync(Admin, id, gate);
            await AssertProblemAsync(HttpStatusCode.Forbidden, refused);
            Assert.Contains("tác giả", await DetailAsync(refused), StringComparison.Ordinal);
            await before.AssertUnchangedAsync(Site, "ApiTokens");
            await AdvanceAsync(id, (rightful, gate));
        }

        var record = (await StatusAsync(id))["record"]!.AsArray();
        Assert.Equal([Admin, UnitHead, Secretary, BoardHead, Publisher], record.Select(s => s!["userName"]!.GetValue<string>()));
        Assert.True((await StatusAsync(id))["published"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_unit_head_who_also_holds_the_board_roles_checks_the_item_but_cannot_present_approve_or_publish_it()
    {
        await AddPeopleAsync();
        await RunRecipeAsync("security-people.recipe.json");
        var id = await CreateNewsAsync("Tin người kiêm nhiệm");
        await AdvanceAsync(id, (Contributor, "submit"), (Pluralist, "send-to-board"));

        foreach (var (gate, rightful) in new[] { ("present", Secretary), ("approve", BoardHead), ("publish", Publisher) })
        {
            Assert.DoesNotContain(gate, AvailableTo(await StatusAsync(id, Pluralist)));
            Assert.DoesNotContain(await InboxAsync(Pluralist), e => e.Instance.ContentItemId == id);
            var before = await FootprintAsync(id);
            var refused = await TransitionAsync(Pluralist, id, gate);
            await AssertProblemAsync(HttpStatusCode.Forbidden, refused);
            var detail = await DetailAsync(refused);
            Assert.Contains("Bạn đã thực hiện 'Gửi Ban Biên tập'", detail, StringComparison.Ordinal);
            Assert.Contains("tách bạch nhiệm vụ", detail, StringComparison.Ordinal);
            Assert.Equal(before, await FootprintAsync(id));
            await AdvanceAsync(id, (rightful, gate));
        }

        Assert.True((await StatusAsync(id))["published"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_secretary_gate_holder_cannot_approve_even_through_the_back_office_and_the_board_head_gate_holder_cannot_publish()
    {
        await AddPeopleAsync();
        await RunRecipeAsync("security-people.recipe.json");
        var id = await CreateNewsAsync("Tin thư ký kiêm nhiệm");
        await AdvanceAsync(id, (Contributor, "submit"), (UnitHead, "send-to-board"), (Pluralist, "present"));
        var browser = await SignedInAsync(Pluralist);
        var page = await browser.GetStringAsync($"/admin/quy-trinh/noi-dung/{id}");
        Assert.DoesNotContain("value=\"approve\"", page, StringComparison.Ordinal);
        var before = await FootprintAsync(id);

        var post = await browser.PostAsync($"/admin/quy-trinh/noi-dung/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, $"/admin/quy-trinh/noi-dung/{id}"),
            ["transition"] = "approve",
            ["expectedVersion"] = "1",
        }));

        AssertStatus(HttpStatusCode.Forbidden, post);
        Assert.Contains("Bạn đã thực hiện 'Trình Trưởng Ban'", WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await FootprintAsync(id));
        await AdvanceAsync(id, (BoardHead, "approve"));
        await AssertProblemAsync(HttpStatusCode.Forbidden, await TransitionAsync(Pluralist, id, "publish"));
        await AdvanceAsync(id, (Publisher, "publish"));
    }

    [Fact]
    public async Task The_same_person_repeats_the_same_gate_after_a_return_and_holds_another_gate_only_in_a_new_round()
    {
        await AddPeopleAsync();
        await RunRecipeAsync("security-people.recipe.json");
        var id = await CreateNewsAsync("Tin trả lại rồi gửi lại");
        await AdvanceAsync(id, (Contributor, "submit"), (Pluralist, "send-to-board"));
        AssertStatus(HttpStatusCode.OK, await TransitionAsync(Secretary, id, "secretary-return", "Bổ sung nguồn số liệu."));
        await AdvanceAsync(id, (Contributor, "resubmit"), (Pluralist, "send-to-board"));
        await AssertProblemAsync(HttpStatusCode.Forbidden, await TransitionAsync(Pluralist, id, "present"));

        // The board head returns it: in the next round the pluralist is not the unit checker, and may present.
        await AdvanceAsync(id, (Secretary, "present"));
        AssertStatus(HttpStatusCode.OK, await TransitionAsync(BoardHead, id, "board-return", "Cần số liệu so sánh cùng kỳ."));
        await AdvanceAsync(id, (Contributor, "resubmit"), (UnitHead, "send-to-board"), (Pluralist, "present"));
        await AssertProblemAsync(HttpStatusCode.Forbidden, await TransitionAsync(Pluralist, id, "approve"));
        await AdvanceAsync(id, (BoardHead, "approve"), (Publisher, "publish"));
    }

    [Fact]
    public async Task A_unit_head_who_writes_and_submits_an_item_cannot_check_it_himself()
    {
        await AddPeopleAsync();
        var id = await CreateNewsAsync("Tin trưởng phòng tự viết", UnitHead);
        await AdvanceAsync(id, (UnitHead, "submit"));
        var before = await FootprintAsync(id);

        await AssertProblemAsync(HttpStatusCode.Forbidden, await TransitionAsync(UnitHead, id, "send-to-board"));

        Assert.Equal(before, await FootprintAsync(id));
        Assert.Empty(AvailableTo(await StatusAsync(id, UnitHead)));
        Assert.DoesNotContain(await InboxAsync(UnitHead), e => e.Instance.ContentItemId == id);
    }

    [Fact]
    public async Task Turning_separation_of_duties_off_needs_a_written_reason_which_every_step_it_allows_records()
    {
        await AddPeopleAsync();
        await RunRecipeAsync("security-people.recipe.json");
        var setup = await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowDefinitionStore>().GetAsync("quy-trinh-duyet-tin"));
        Assert.True(setup!.SeparationOfDuties);

        var withoutReason = await SaveAsync(setup, separation: false, waiver: "vì tiện");
        var reasonWhileOn = await SaveAsync(setup, separation: true, waiver: "Đơn vị chỉ có một người phụ trách.");
        Assert.Contains(withoutReason, e => e.Path == ".SeparationOfDutiesWaiver" && e.Message.Contains("cần ghi rõ lý do", StringComparison.Ordinal));
        Assert.Contains(reasonWhileOn, e => e.Path == ".SeparationOfDutiesWaiver");
        Assert.True((await Site.WithScopeAsync(s => s.GetRequiredService<WorkflowDefinitionStore>().GetAsync("quy-trinh-duyet-tin")))!.SeparationOfDuties);

        const string Reason = "Giai đoạn thử nghiệm, Ban Biên tập chỉ có một người.";
        Assert.Empty(await SaveAsync(setup, separation: false, waiver: Reason));
        var id = await CreateNewsAsync("Tin khi tạm bỏ tách bạch nhiệm vụ");
        await AdvanceAsync(id, (Contributor, "submit"), (Pluralist, "send-to-board"), (Pluralist, "present"));

        var record = (await StatusAsync(id))["record"]!.AsArray();
        Assert.DoesNotContain(Reason, record[1]!["comment"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(Reason, record[2]!["comment"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emergency_publisher_cannot_be_the_author()
    {
        await AddPeopleAsync();
        await RunRecipeAsync("workflow-emergency.recipe.json");
        await Site.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CmsUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByNameAsync(Contributor))!, "EmergencyPublisher")).Succeeded);
        });
        var id = await CreateNewsAsync("Tin khẩn do tác giả tự đăng");
        await AdvanceAsync(id, (Contributor, "submit"));
        var before = await FootprintAsync(id);

        var own = await EmergencyAsync(Contributor, id);

        AssertStatus(HttpStatusCode.Forbidden, own);
        Assert.Contains("tác giả không được tự đăng khẩn cấp", WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await FootprintAsync(id));
        AssertStatus(HttpStatusCode.Redirect, await EmergencyAsync("khancap", id));
        Assert.True((await StatusAsync(id))["published"]!.GetValue<bool>());
    }

    private async Task<HttpResponseMessage> EmergencyAsync(string userName, string id)
    {
        var browser = await SignedInAsync(userName);
        return await browser.PostAsync($"/admin/quy-trinh/noi-dung/{id}?handler=Emergency", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser, $"/admin/quy-trinh/noi-dung/{id}"),
            ["reason"] = "Thông báo khẩn về lịch công bố số liệu bị thay đổi theo chỉ đạo.",
        }));
    }

    private static List<string> AvailableTo(JsonObject status) =>
        [.. status["transitions"]!.AsArray().Select(t => t!["name"]!.GetValue<string>())];

    private static async Task<string> DetailAsync(HttpResponseMessage response) => (await ReadAsync(response))["detail"]!.GetValue<string>();

    private Task<IReadOnlyList<InboxEntry>> InboxAsync(string userName) => Site.WithScopeAsync(async s =>
    {
        var user = await s.GetRequiredService<UserManager<CmsUser>>().FindByNameAsync(userName);
        var roles = await s.GetRequiredService<UserManager<CmsUser>>().GetRolesAsync(user!);
        return await s.GetRequiredService<WorkflowInbox>().InboxAsync(new WorkflowActor(userName, user!.UnitId, roles.ToHashSet(StringComparer.Ordinal)));
    });

    private Task<IReadOnlyList<WorkflowDefinitionError>> SaveAsync(WorkflowDefinition definition, bool separation, string waiver) => Site.WithScopeAsync(s =>
    {
        var json = JsonSerializer.SerializeToNode(definition, CmsJson.Options)!.AsObject();
        json["SeparationOfDuties"] = separation;
        json["SeparationOfDutiesWaiver"] = waiver;
        return s.GetRequiredService<WorkflowDefinitionStore>().SaveAsync(json.Deserialize<WorkflowDefinition>(CmsJson.Options)!);
    });
}

public sealed class SqliteSeparationOfDutiesTests() : SeparationOfDutiesTests(DatabaseProvider.Sqlite);

// SQLite only: who may take which gate is decided from the recorded steps in the application; the chain's writes and concurrency run on PostgreSQL in PostgresWorkflowChainTests.
