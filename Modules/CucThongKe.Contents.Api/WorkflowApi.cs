using System.Security.Claims;
using CucThongKe.Contents.Admin;
using CucThongKe.Core.Data;
using CucThongKe.Workflows.Instances;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CucThongKe.Contents.Api;

/// <summary><c>GET /api/workflow/{id}</c> (state, record, what the caller may do) and <c>POST /api/workflow/{id}/transitions/{transition}</c>.</summary>
internal static class WorkflowApi
{
    public static void MapWorkflowApi(this RouteGroupBuilder api)
    {
        api.MapGet("/workflow/{contentItemId}", GetAsync);
        api.MapPost("/workflow/{contentItemId}/transitions/{transition}", TransitionAsync);
    }

    private static async Task<IResult> GetAsync(string contentItemId, ClaimsPrincipal user, WorkflowService workflows, CancellationToken cancellationToken)
    {
        var status = await workflows.GetStatusAsync(contentItemId, WorkflowActor.From(user), cancellationToken);
        if (!ContentAccess.CanView(user, status.Item))
        {
            return ApiJson.Forbidden("Bạn chỉ xem được nội dung của đơn vị mình.");
        }

        return ApiJson.Json(ToJson(status));
    }

    private static async Task<IResult> TransitionAsync(string contentItemId, string transition, HttpRequest request, ClaimsPrincipal user, WorkflowService workflows, CancellationToken cancellationToken)
    {
        var (input, error) = await ApiJson.ReadAsync<TransitionRequest>(request, allowEmpty: true, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var actor = WorkflowActor.From(user);
        // Another unit's item is not there for this caller, whatever the transition's own rules say.
        if (!ContentAccess.CanView(user, (await workflows.GetStatusAsync(contentItemId, actor, cancellationToken)).Item))
        {
            return ApiJson.Forbidden("Bạn chỉ thao tác được trên nội dung của đơn vị mình.");
        }

        await workflows.TransitionAsync(contentItemId, transition, input?.Comment, input?.ExpectedVersion, actor, cancellationToken);
        return ApiJson.Json(ToJson(await workflows.GetStatusAsync(contentItemId, actor, cancellationToken)));
    }

    private static object ToJson(WorkflowStatus status) => new
    {
        contentItemId = status.Item.ContentItemId,
        contentVersion = status.Item.Version,
        contentItemVersionId = status.Item.Id,
        published = status.Item.Published,
        workflow = new { name = status.Definition.Name, displayName = status.Definition.DisplayName },
        state = new { name = status.State.Name, displayName = status.State.DisplayName, kind = status.State.Kind },
        // Set while a published state waits for the approved version's release time: the item is not public before then.
        scheduledPublishUtc = status.ScheduledPublishUtc,
        stateLabel = status.StateDisplayName,
        unitId = status.Instance.UnitId,
        approvedVersionId = status.Instance.ApprovedVersionId,
        stateEnteredUtc = status.Instance.StateEnteredUtc,
        dueUtc = status.Instance.DueUtc,
        record = status.Record.Select(s => new
        {
            sequence = s.Sequence,
            transition = s.Transition,
            from = s.FromState,
            to = s.ToState,
            userName = s.UserName,
            role = s.Role,
            unitId = s.UnitId,
            createdUtc = s.CreatedUtc,
            createdVietnamTime = VietnamTime.Format(s.CreatedUtc),
            comment = s.Comment,
            contentItemVersionId = s.ContentItemVersionId,
            contentVersion = s.ContentVersion,
        }),
        transitions = status.Available.Select(t => new { name = t.Name, displayName = t.DisplayName, to = t.To, commentRequired = t.CommentRequired }),
    };

    private sealed record TransitionRequest(string? Comment, int? ExpectedVersion);
}
