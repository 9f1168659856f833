using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;

namespace CucThongKe.Contents.Services;

/// <summary>What happened to an item: given to <see cref="IContentHandler"/>s inside the change's transaction, and to <see cref="IContentCommittedHandler"/>s after it commits.</summary>
public sealed record ContentContext(ContentItem Item, ResolvedContentType Type, string? Actor);

/// <summary>An item moved from one unit to another by an explicit transfer (<see cref="ContentTransfers.TransferAsync"/>).</summary>
/// <param name="Item">The latest version, already carrying <paramref name="ToUnitId"/>.</param>
/// <param name="ActorUnitId">The unit of the person who made the transfer (recorded with a workflow step).</param>
public sealed record ContentUnitTransferContext(ContentItem Item, ResolvedContentType Type, string? Actor, string? ActorUnitId, string? FromUnitId, string ToUnitId, string Reason);

/// <summary>What happens to an item leaving the editors' hands (<see cref="ContentTrash"/>).</summary>
public enum ContentRemovalKind
{
    /// <summary>Moved to the trash (thùng rác): out of every list, restorable until the purge.</summary>
    Trash,

    /// <summary>Taken back out of the trash, as it was.</summary>
    Restore,

    /// <summary>A draft never published, deleted for good at once (xoá vĩnh viễn).</summary>
    Delete,

    /// <summary>Deleted for good by the purge, after its period in the trash.</summary>
    Purge,
}

/// <summary>An item moved to or out of the trash, or deleted for good (<see cref="ContentTrash"/>).</summary>
/// <param name="Item">The item's latest version (the one the trash keeps, or the last one before the deletion).</param>
/// <param name="ActorUnitId">The unit of the person who acted (null for the purge).</param>
/// <param name="Reason">Why, when the person gave a reason.</param>
public sealed record ContentRemovalContext(ContentItem Item, ResolvedContentType Type, ContentRemovalKind Kind, string? Actor, string? ActorUnitId, string? Reason);

/// <summary>Takes part in a content change, inside its transaction: what it writes is saved or rolled back with the change.</summary>
/// <remarks>
/// For work that must be part of the save: filling in values before validation (the route), index tables, starting and
/// following the workflow, its record and notifications (rows of the same transaction). A handler that throws fails the save.
/// Work that must follow the save and is not data of it (cache eviction, wake-up signals, mail) belongs in an
/// <see cref="IContentCommittedHandler"/>: run here, it could act on a change that is then rolled back, or before readers can see it.
/// </remarks>
public interface IContentHandler
{
    /// <summary>Before a new version is checked and saved: a chance to fill in values (the route, for one).</summary>
    Task SavingAsync(ContentContext context, ICollection<ContentValidationError> errors, CancellationToken cancellationToken) => Task.CompletedTask;

    Task CreatedAsync(ContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    Task DraftSavedAsync(ContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    Task UpdatedAsync(ContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    Task PublishedAsync(ContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    Task UnpublishedAsync(ContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    Task RemovedAsync(ContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The item now belongs to another unit; a workflow follows it and records the move.</summary>
    Task UnitTransferredAsync(ContentUnitTransferContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The item went to the trash, came back from it, or is being deleted for good (raised before its rows go, so a
    /// handler still reads them); a workflow records the step.</summary>
    Task RemovalAsync(ContentRemovalContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Decides whether an item may go to the trash or be deleted now; any guard can refuse (a workflow: not while in review).</summary>
public interface IContentRemovalGuard
{
    /// <summary>The refusals, in Vietnamese, by item id, for those of <paramref name="items"/> (latest versions) that may not
    /// undergo <paramref name="kind"/> now; an item left out may. Several at once, so that a list asks once per page.</summary>
    Task<IReadOnlyDictionary<string, string>> RefusalsAsync(IReadOnlyList<ContentItem> items, ContentRemovalKind kind, CancellationToken cancellationToken);
}

/// <summary>Follows a content change once its transaction has committed: the change is visible to every reader when it runs.</summary>
/// <remarks>
/// For work that follows a save and must not run for a change that is rolled back: evicting cached pages, waking a
/// background loop, sending mail. It runs after the commit (<see cref="Core.Data.UnitOfWork.AfterCommit(Func{CancellationToken, Task})"/>),
/// once, outside the transaction: nothing it writes is part of the change, and a failure is logged without failing the
/// committed save. Register with <c>services.AddContentCommittedHandler&lt;T&gt;()</c>. Work that must be in the save's
/// transaction belongs in an <see cref="IContentHandler"/>.
/// </remarks>
public interface IContentCommittedHandler
{
    /// <summary>A new version was saved (a new item, a new draft, or a draft saved over in place); the item may be published.</summary>
    Task UpdatedAsync(ContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    Task PublishedAsync(ContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    Task UnpublishedAsync(ContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    Task RemovedAsync(ContentContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    Task UnitTransferredAsync(ContentUnitTransferContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A taxonomy's terms changed (added, renamed, moved, or merged: a merge rewrites the items that used the term in
    /// place): any page may show a term's name or its items.</summary>
    Task TaxonomyChangedAsync(string taxonomy, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A request to publish one version.</summary>
/// <param name="Source">The path the publication takes; recorded on the version.</param>
/// <param name="Actor">Who publishes.</param>
/// <param name="Note">Why, where the path asks for a reason (the recipe of a legacy import, for one).</param>
/// <param name="ApprovedVersionId">
/// The version the publishing path has approved and vouches for, when it has one (the approval chain's publication step):
/// a publish guard reads this fact instead of guessing it from the database. A publication without it (a schedule falling
/// due) is checked against what is stored.
/// </param>
public sealed record PublishRequest(PublishSource Source, string? Actor, string? Note = null, long? ApprovedVersionId = null)
{
    /// <summary>
    /// Asks whether the version could ever be published by its governing process, and publishes nothing
    /// (<see cref="IContentPublisher.NeverPublishableReasonAsync"/>): a guard that judges the moment (is this the approved
    /// version?) lets it pass; a guard that judges the version itself (confidential, a type never published) answers as always.
    /// </summary>
    public bool Prospective { get; init; }
}

/// <summary>Decides whether a version may be published by a given path; any guard can refuse.</summary>
public interface IPublishGuard
{
    /// <summary>Null to allow, or the reason for refusing, in Vietnamese.</summary>
    Task<string?> CheckAsync(ContentItem version, ResolvedContentType type, PublishRequest request, CancellationToken cancellationToken);
}
