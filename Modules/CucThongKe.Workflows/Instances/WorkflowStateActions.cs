using CucThongKe.Contents.Models;
using CucThongKe.Contents.Scheduling;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Instances;

/// <summary>What happens when an item enters a state by a step (a transition, an emergency publication): the state's actions.</summary>
/// <remarks>Publishes through the narrow <see cref="IContentPublisher"/>, inside the step's unit of work: the publication is part of the step.</remarks>
public sealed class WorkflowStateActions(CmsDbContext db, IContentPublisher publisher, WorkflowStateNotifications notifications)
{
    /// <summary>When the item's pending scheduled publication is due; null when none waits (published, or never scheduled).</summary>
    public Task<DateTime?> PendingPublicationUtcAsync(string contentItemId, CancellationToken cancellationToken) =>
        db.Set<ScheduledPublication>().Where(p => p.ContentItemId == contentItemId && p.CompletedUtc == null)
            .OrderByDescending(p => p.Id).Select(p => (DateTime?)p.PublishUtc).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Runs the actions of <paramref name="state"/>, which the item has just entered, in their order: publish the approved version, unpublish, notify.</summary>
    public async Task RunAsync(WorkflowDefinition definition, WorkflowState state, WorkflowInstance instance, ContentItem item, string cause, string? comment, string? actorName, CancellationToken cancellationToken)
    {
        DateTime? scheduledUtc = null;
        foreach (var action in state.Actions)
        {
            switch (action.Type)
            {
                case WorkflowActionType.Publish:
                    // Exactly the approved version, and the request says so (the guard reads it); a future publish-later time
                    // schedules it instead (nothing shows it before then). Part of this step's unit of work.
                    var request = new PublishRequest(PublishSource.GoverningProcess, actorName, comment, instance.ApprovedVersionId);
                    if (await publisher.PublishAsync(item.ContentItemId, instance.ApprovedVersionId, request, cancellationToken) is null)
                    {
                        scheduledUtc = await PendingPublicationUtcAsync(item.ContentItemId, cancellationToken);
                    }

                    break;
                case WorkflowActionType.Unpublish:
                    if (await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == item.ContentItemId && c.Published, cancellationToken))
                    {
                        await publisher.UnpublishAsync(item.ContentItemId, cancellationToken);
                    }

                    break;
                case WorkflowActionType.Notify:
                    await notifications.NotifyAsync(definition, state, action, instance, item, cause, comment, scheduledUtc, cancellationToken);
                    break;
            }
        }
    }
}
