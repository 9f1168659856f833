using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Workflows.Instances;

/// <summary>Keeps each item's workflow in step with its content: starts it, follows new versions, sends a changed approved item back to review.</summary>
/// <remarks>The service is resolved when an event arrives, not injected: it uses the content manager that raises these events.</remarks>
internal sealed class WorkflowContentHandler(IServiceProvider services, ICurrentActor actor) : IContentHandler
{
    private WorkflowService Workflows => services.GetRequiredService<WorkflowService>();

    public Task CreatedAsync(ContentContext context, CancellationToken cancellationToken) =>
        Governed(context) ? Workflows.StartAsync(context.Item, cancellationToken) : Task.CompletedTask;

    public Task DraftSavedAsync(ContentContext context, CancellationToken cancellationToken) =>
        Governed(context) ? Workflows.ContentChangedAsync(context.Item, context.Actor, actor.UnitId, cancellationToken) : Task.CompletedTask;

    public Task PublishedAsync(ContentContext context, CancellationToken cancellationToken) =>
        Governed(context) && context.Item.PublishSource == PublishSource.Import
            ? Workflows.PublishedOutsideTransitionAsync(context.Item, cancellationToken)
            : Task.CompletedTask;

    public Task UnitTransferredAsync(ContentUnitTransferContext context, CancellationToken cancellationToken) =>
        Governed(context.Type) ? Workflows.UnitTransferredAsync(context, cancellationToken) : Task.CompletedTask;

    private static bool Governed(ContentContext context) => Governed(context.Type);

    private static bool Governed(Contents.Definitions.ResolvedContentType type) => !string.IsNullOrEmpty(type.Definition.Settings.Workflow);
}
