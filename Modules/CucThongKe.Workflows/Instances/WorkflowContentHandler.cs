using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Security;
using CucThongKe.Workflows.Definitions;

namespace CucThongKe.Workflows.Instances;

/// <summary>Keeps each item's workflow in step with its content: starts it, follows new versions, sends a changed approved item back to review.</summary>
/// <remarks>
/// In the change's transaction (an <see cref="IContentHandler"/>, not an after-commit one): the workflow's instance and
/// record are data of the same change, saved or rolled back with it. It uses <see cref="WorkflowTracker"/>, which publishes
/// nothing, so the content engine that raises these events is not among its dependencies.
/// </remarks>
internal sealed class WorkflowContentHandler(WorkflowTracker tracker, ICurrentActor actor) : IContentHandler
{
    public Task CreatedAsync(ContentContext context, CancellationToken cancellationToken) =>
        Governed(context) ? tracker.StartAsync(context.Item, cancellationToken) : Task.CompletedTask;

    public Task DraftSavedAsync(ContentContext context, CancellationToken cancellationToken) =>
        Governed(context) ? tracker.ContentChangedAsync(context.Item, context.Actor, actor.UnitId, cancellationToken) : Task.CompletedTask;

    public Task PublishedAsync(ContentContext context, CancellationToken cancellationToken) =>
        Governed(context) && context.Item.PublishSource == PublishSource.Import
            ? tracker.PublishedOutsideTransitionAsync(context.Item, cancellationToken)
            : Task.CompletedTask;

    public Task UnitTransferredAsync(ContentUnitTransferContext context, CancellationToken cancellationToken) =>
        Governed(context.Type) ? tracker.UnitTransferredAsync(context, cancellationToken) : Task.CompletedTask;

    public Task RemovalAsync(ContentRemovalContext context, CancellationToken cancellationToken) =>
        Governed(context.Type) ? tracker.RemovalAsync(context, cancellationToken) : Task.CompletedTask;

    private static bool Governed(ContentContext context) => Governed(context.Type);

    private static bool Governed(Contents.Definitions.ResolvedContentType type) => type.WorkflowName() is not null;
}
