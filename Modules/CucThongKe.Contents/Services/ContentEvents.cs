using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;

namespace CucThongKe.Contents.Services;

/// <summary>What happened to an item; handlers run inside the transaction of the change.</summary>
public sealed record ContentContext(ContentItem Item, ResolvedContentType Type, string? Actor);

/// <summary>An item moved from one unit to another by an explicit transfer (<see cref="ContentManager.TransferAsync"/>).</summary>
/// <param name="Item">The latest version, already carrying <paramref name="ToUnitId"/>.</param>
/// <param name="ActorUnitId">The unit of the person who made the transfer (recorded with a workflow step).</param>
public sealed record ContentUnitTransferContext(ContentItem Item, ResolvedContentType Type, string? Actor, string? ActorUnitId, string? FromUnitId, string ToUnitId, string Reason);

/// <summary>Reacts to content events (other modules: search, workflows, cache eviction, notifications).</summary>
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
}

/// <summary>A request to publish one version.</summary>
/// <param name="Source">The path the publication takes; recorded on the version.</param>
/// <param name="Actor">Who publishes.</param>
/// <param name="Note">Why, where the path asks for a reason (the recipe of a legacy import, for one).</param>
public sealed record PublishRequest(PublishSource Source, string? Actor, string? Note = null);

/// <summary>Decides whether a version may be published by a given path; any guard can refuse.</summary>
public interface IPublishGuard
{
    /// <summary>Null to allow, or the reason for refusing, in Vietnamese.</summary>
    Task<string?> CheckAsync(ContentItem version, ResolvedContentType type, PublishRequest request, CancellationToken cancellationToken);
}
