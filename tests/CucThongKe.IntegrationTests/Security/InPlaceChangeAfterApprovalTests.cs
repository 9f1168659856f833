using System.Net;
using System.Text.Json;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>A governed type that keeps no history saves over its draft in place: such a save after approval is a change like any other.</summary>
public abstract class InPlaceChangeAfterApprovalTests(DatabaseProvider provider) : WorkflowTestBase(provider)
{
    [Fact]
    public async Task A_draft_saved_over_in_place_after_approval_goes_back_to_review_and_the_publisher_cannot_publish_it()
    {
        await AddPeopleAsync();
        await Site.WithScopeAsync(async s =>
        {
            var types = s.GetRequiredService<ContentDefinitionManager>();
            var json = JsonSerializer.SerializeToNode(await types.GetTypeAsync("News"), CmsJson.Options)!.AsObject();
            json["Settings"]!["Versionable"] = false;
            await types.StoreTypeAsync(json.Deserialize<ContentTypeDefinition>(CmsJson.Options)!);
        });
        var id = await CreateNewsAsync("Tin không lưu lịch sử");
        await AdvanceAsync(id, ToApproved);

        var edit = await (await ApiAsync(Contributor)).PutAsync($"/api/content/{id}", Json(new { expectedVersion = 1, content = NewsContent("Tin không lưu lịch sử (sửa đè sau khi duyệt)") }));

        AssertStatus(HttpStatusCode.OK, edit);
        var status = await StatusAsync(id);
        Assert.Equal(1, status["contentVersion"]!.GetValue<int>());
        Assert.Equal("UnitReview", status["state"]!["name"]!.GetValue<string>());
        Assert.Null(status["approvedVersionId"]);
        var step = status["record"]!.AsArray().Last()!;
        Assert.Equal("content-changed", step["transition"]!.GetValue<string>());
        Assert.Contains("lưu đè", step["comment"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertProblemAsync(HttpStatusCode.Conflict, await TransitionAsync(Publisher, id, "publish"));
        await Site.WithScopeAsync(async s => Assert.Null(await s.GetRequiredService<ContentManager>().GetAsync(id)));
    }
}

public sealed class SqliteInPlaceChangeAfterApprovalTests() : InPlaceChangeAfterApprovalTests(DatabaseProvider.Sqlite);

// SQLite only: an in-place save is the same EF change tracking on both providers; the chain runs on PostgreSQL in PostgresWorkflowChainTests.
