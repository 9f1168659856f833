using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;

namespace CucThongKe.Contents.Services;

/// <summary>
/// What every content change does beside its own rows: its unit of work, the index tables and the indexing-task log,
/// the in-transaction handlers, and the handlers that follow it after the commit. Shared by <see cref="ContentManager"/>,
/// <see cref="ContentPublisher"/> and <see cref="ContentTransfers"/>.
/// </summary>
/// <remarks>Public only because those are; other modules change content through them, not through this.</remarks>
public sealed class ContentChangePipeline(
    CmsDbContext db,
    ContentDefinitionManager definitions,
    IEnumerable<IContentIndexProvider> indexProviders,
    IEnumerable<IContentHandler> handlers,
    IEnumerable<IContentCommittedHandler> committedHandlers,
    UnitOfWork unitOfWork,
    IndexingSignal indexingSignal,
    TimeProvider clock)
{
    /// <summary>Runs a change in the caller's unit of work (a recipe, a workflow step), or in a new one.</summary>
    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) => unitOfWork.RunAsync(work, cancellationToken);

    /// <inheritdoc cref="RunAsync{T}"/>
    public Task RunAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken) => unitOfWork.RunAsync(work, cancellationToken);

    public async Task<ResolvedContentType> RequireTypeAsync(string contentType, CancellationToken cancellationToken) =>
        await definitions.GetResolvedTypeAsync(contentType, cancellationToken)
        ?? throw new ContentValidationException([new("ContentType", $"Không có loại nội dung '{contentType}'.")]);

    /// <summary>Brings every index table up to date for one version, and logs the change for search nodes.</summary>
    public async Task IndexAsync(ContentItem version, ResolvedContentType type, IndexingTaskType? task, CancellationToken cancellationToken)
    {
        foreach (var provider in indexProviders)
        {
            await provider.UpdateAsync(version, type, cancellationToken);
        }

        if (task is not null)
        {
            LogIndexingTask(version.ContentItemId, task.Value);
        }
    }

    /// <summary>Appends to the indexing-task log; this node's search index is woken once the change commits.</summary>
    public void LogIndexingTask(string contentItemId, IndexingTaskType task)
    {
        db.Add(new IndexingTask { ContentItemId = contentItemId, Type = task, CreatedUtc = clock.GetUtcNow().UtcDateTime });
        unitOfWork.AfterCommit(indexingSignal.Raise);
    }

    /// <summary>Raises an event to the in-transaction handlers (<see cref="IContentHandler"/>).</summary>
    public async Task RaiseAsync(Func<IContentHandler, Task> action)
    {
        foreach (var handler in handlers)
        {
            await action(handler);
        }
    }

    /// <summary>Queues an event for the handlers that follow the change after its commit (<see cref="IContentCommittedHandler"/>); each runs on its own, so one failing does not keep the others from running.</summary>
    public void RaiseAfterCommit(Func<IContentCommittedHandler, CancellationToken, Task> action)
    {
        foreach (var handler in committedHandlers)
        {
            unitOfWork.AfterCommit(cancellationToken => action(handler, cancellationToken));
        }
    }
}
