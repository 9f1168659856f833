using System.Security.Claims;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Trash;

/// <summary>The user may not act on this item (another unit's, or a role too few); nothing changed.</summary>
public sealed class ContentForbiddenException(string reason) : Exception(reason);

/// <summary>The content list's actions of the trash (<see cref="ContentTrash"/>): to the trash, and deletion of drafts never published;
/// each item checked as alone: the user's right to edit it, then the trash's rules and guards.</summary>
internal abstract class ContentRemovalAction(CmsDbContext db, ContentTrash trash) : IContentBulkAction
{
    public abstract string Name { get; }

    public abstract string DisplayName { get; }

    protected abstract ContentRemovalKind Kind { get; }

    protected ContentTrash Trash => trash;

    public Task<bool> IsOfferedAsync(ClaimsPrincipal user, CancellationToken cancellationToken) => Task.FromResult(ContentAccess.CanCreate(user));

    public async Task<IReadOnlySet<string>> AvailableAsync(IReadOnlyList<string> contentItemIds, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var items = (await db.Set<ContentItem>().AsNoTracking().Where(c => contentItemIds.Contains(c.ContentItemId) && c.Latest).ToListAsync(cancellationToken))
            .Where(i => ContentAccess.CanEdit(user, i)).ToList();
        var refusals = await trash.RefusalsAsync(items, Kind, cancellationToken);
        return items.Select(i => i.ContentItemId).Where(id => !refusals.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
    }

    public async Task RunAsync(string contentItemId, int expectedVersion, string? comment, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var item = await db.Set<ContentItem>().AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Latest, cancellationToken)
            ?? throw new ContentNotFoundException(contentItemId);
        if (!ContentAccess.CanEdit(user, item))
        {
            throw new ContentForbiddenException("Bạn chỉ được xem nội dung này, không được xoá hay chuyển nó vào thùng rác.");
        }

        await ActAsync(contentItemId, expectedVersion, comment, cancellationToken);
    }

    protected abstract Task ActAsync(string contentItemId, int expectedVersion, string? comment, CancellationToken cancellationToken);
}

/// <summary>"Chuyển vào thùng rác": the comment is the reason.</summary>
internal sealed class TrashBulkAction(CmsDbContext db, ContentTrash trash) : ContentRemovalAction(db, trash)
{
    public const string ActionName = "thung-rac";

    public override string Name => ActionName;

    public override string DisplayName => "Chuyển vào thùng rác";

    protected override ContentRemovalKind Kind => ContentRemovalKind.Trash;

    protected override Task ActAsync(string contentItemId, int expectedVersion, string? comment, CancellationToken cancellationToken) =>
        Trash.TrashAsync(contentItemId, expectedVersion, comment, cancellationToken);
}

/// <summary>"Xoá vĩnh viễn": drafts never published only.</summary>
internal sealed class DeleteBulkAction(CmsDbContext db, ContentTrash trash) : ContentRemovalAction(db, trash)
{
    public const string ActionName = "xoa";

    public override string Name => ActionName;

    public override string DisplayName => "Xoá vĩnh viễn (bản nháp chưa từng đăng)";

    protected override ContentRemovalKind Kind => ContentRemovalKind.Delete;

    protected override Task ActAsync(string contentItemId, int expectedVersion, string? comment, CancellationToken cancellationToken) =>
        Trash.DeleteAsync(contentItemId, expectedVersion, cancellationToken);
}
