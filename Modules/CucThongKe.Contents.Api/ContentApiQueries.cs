using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Workflows.Instances;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Api;

/// <summary>The content API's reads: items with their place in the chain, so that the endpoints only bind, authorize and call.</summary>
public sealed class ContentApiQueries(CmsDbContext db)
{
    /// <summary>The latest versions, newest change first, with their workflow instance (none for a type no workflow governs).</summary>
    /// <param name="state">Only items whose workflow is in this state.</param>
    /// <param name="unit">Only items of this unit.</param>
    public async Task<IReadOnlyList<(ContentItem Item, WorkflowInstance? Instance)>> ListAsync(string? type, string? state, string? unit, int skip, int take, CancellationToken cancellationToken)
    {
        var rows =
            from c in db.Set<ContentItem>().AsNoTracking()
            join i in db.Set<WorkflowInstance>() on c.ContentItemId equals i.ContentItemId into instances
            from i in instances.DefaultIfEmpty()
            where c.Latest
            select new { Item = c, Instance = i };
        if (type is not null)
        {
            rows = rows.Where(r => r.Item.ContentType == type);
        }

        if (state is not null)
        {
            rows = rows.Where(r => r.Instance != null && r.Instance.State == state);
        }

        if (unit is not null)
        {
            rows = rows.Where(r => r.Item.UnitId == unit);
        }

        var page = await rows.OrderByDescending(r => r.Item.ModifiedUtc).ThenByDescending(r => r.Item.Id)
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        return page.Select(r => (r.Item, (WorkflowInstance?)r.Instance)).ToList();
    }

    /// <summary>The item's workflow instance as stored, or null when no workflow governs it.</summary>
    public Task<WorkflowInstance?> InstanceAsync(string contentItemId, CancellationToken cancellationToken) =>
        db.Set<WorkflowInstance>().AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == contentItemId, cancellationToken);

    /// <summary>The instance after a save in this request: what the save committed, not what it left in the change tracker.</summary>
    public Task<WorkflowInstance?> InstanceAfterSaveAsync(string contentItemId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return InstanceAsync(contentItemId, cancellationToken);
    }
}
