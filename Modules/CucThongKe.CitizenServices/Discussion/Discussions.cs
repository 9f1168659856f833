using System.Security.Cryptography;
using System.Text;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Published;
using CucThongKe.Core.Data;
using CucThongKe.CitizenServices.Screening;
using CucThongKe.OutputCache;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.CitizenServices.Discussion;

/// <summary>A comment as readers see it: the name given and the text, never the address.</summary>
public sealed record PublicComment(long Id, string Name, string Text, DateTime CreatedUtc);

/// <summary>A comment in the moderators' queue, with the title of the item it was written on.</summary>
public sealed record QueuedComment(Comment Comment, string? ItemTitle, ScreeningHit? Hit);

/// <summary>What a reader sends (already checked for presence and length by the form).</summary>
public sealed record CommentSubmission(string Name, string? Email, string Text);

/// <summary>A refusal the reader or moderator can correct (400): a closed discussion, a form sent twice, a reason missing.</summary>
public sealed class DiscussionException(string message) : Exception(message);

/// <summary>A comment or discussion that does not exist for this request (404).</summary>
public sealed class DiscussionNotFoundException(string message) : Exception(message);

/// <summary>
/// Readers' discussion of items the board opened for it: comments are taken as pending, shown only once a moderator accepts
/// them, and only while the item is public; the board opens and closes discussions; every decision is recorded.
/// </summary>
public sealed class Discussions(CmsDbContext db, UnitOfWork unitOfWork, PublicContent publicContent, ContentDefinitionManager definitions, PublicPageStore pages, ContentScreening screening, DiscussedItems discussed, TimeProvider time)
{
    /// <summary>Accepted comments per public page.</summary>
    public const int PublicPageSize = 20;

    /// <summary>Comments per page of the moderators' queue.</summary>
    public const int QueuePageSize = 50;

    public const string ClosedMessage = "Nội dung này đã hết thời gian nhận ý kiến.";

    public const string NotYetOpenMessage = "Nội dung này chưa đến thời gian nhận ý kiến.";

    /// <summary>The public page of an item's discussion: the form and every accepted comment.</summary>
    public static string PublicUrl(string contentItemId) => "/y-kien/" + contentItemId;

    /// <summary>Whether items of <paramref name="contentType"/> may be opened for discussion (the type has <see cref="DiscussionPart"/>).</summary>
    public async Task<bool> IsDiscussableAsync(string contentType, CancellationToken cancellationToken) =>
        await definitions.GetResolvedTypeAsync(contentType, cancellationToken) is { } type && type.Parts.Any(p => p.Code?.Type == typeof(DiscussionPart));

    public Task<DiscussionState?> StateAsync(string contentItemId, CancellationToken cancellationToken) =>
        db.Set<DiscussionState>().AsNoTracking().FirstOrDefaultAsync(d => d.ContentItemId == contentItemId, cancellationToken);

    /// <summary>The published version of the item when readers may see it (not hidden by a confidentiality rule); else null.</summary>
    public async Task<ContentItem?> PublicItemAsync(string? contentItemId, CancellationToken cancellationToken)
    {
        if (contentItemId is not { Length: 32 } || !contentItemId.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var item = await db.Set<ContentItem>().AsNoTracking()
            .FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Published && !c.Removed, cancellationToken);
        return item is null || publicContent.IsHidden(item) ? null : item;
    }

    /// <summary>When readers may comment on <paramref name="item"/>: by its type's period, else by the board's act; null when
    /// its type cannot be discussed or the board never opened it.</summary>
    public Task<DiscussionWindow?> WindowAsync(ContentItem item, CancellationToken cancellationToken) => WindowAsync(item, false, cancellationToken);

    /// <param name="item">The item.</param>
    /// <param name="shown">Whether the window is for a page (<see cref="DisplayAsync"/>): an item never opened is then known
    /// from <see cref="DiscussedItems"/>, under the same generation as the page cache, instead of asked of the database.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    private async Task<DiscussionWindow?> WindowAsync(ContentItem item, bool shown, CancellationToken cancellationToken)
    {
        if (await definitions.GetResolvedTypeAsync(item.ContentType, cancellationToken) is not { } type || !type.Parts.Any(p => p.Code?.Type == typeof(DiscussionPart)))
        {
            return null;
        }

        return DiscussionWindow.OfPeriod(type, item, time.GetUtcNow().UtcDateTime)
            ?? ((!shown || await discussed.MayHaveStateAsync(db, item.ContentItemId, cancellationToken))
                && await StateAsync(item.ContentItemId, cancellationToken) is { } state ? DiscussionWindow.OfState(state) : null);
    }

    /// <summary>The discussion of a public item as readers see it, or null when there is none (or the item is not public).</summary>
    public async Task<DiscussionDisplay?> DisplayAsync(ContentItem published, int page, CancellationToken cancellationToken)
    {
        if (!published.Published || publicContent.IsHidden(published) || await WindowAsync(published, true, cancellationToken) is not { } window)
        {
            return null;
        }

        return new DiscussionDisplay(published.ContentItemId, window, window.NotYetOpen(time.GetUtcNow().UtcDateTime), await AcceptedAsync(published.ContentItemId, page, cancellationToken));
    }

    /// <summary>The accepted comments of an item, oldest first, a page at a time.</summary>
    public async Task<PagedList<PublicComment>> AcceptedAsync(string contentItemId, int page, CancellationToken cancellationToken)
    {
        page = Math.Clamp(page, 1, PublicContent.MaxPage);
        var accepted = db.Set<Comment>().AsNoTracking().Where(c => c.ContentItemId == contentItemId && c.Status == CommentStatus.Accepted);
        var total = await accepted.CountAsync(cancellationToken);
        var items = await accepted.OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id)
            .Skip((page - 1) * PublicPageSize).Take(PublicPageSize)
            .Select(c => new PublicComment(c.Id, c.Name, c.Text, c.CreatedUtc))
            .ToListAsync(cancellationToken);
        return new PagedList<PublicComment>(items, page, PublicPageSize, total);
    }

    /// <summary>Takes a reader's comment on a public item whose discussion is open, as pending (nothing shows before a moderator
    /// accepts it). <paramref name="formToken"/> is the anti-spam token the form was sent with: each posts one comment.</summary>
    /// <exception cref="DiscussionNotFoundException">The item is not public or was never opened for discussion.</exception>
    /// <exception cref="DiscussionException">The discussion is closed, or the form was already sent.</exception>
    public Task<Comment> SubmitAsync(string contentItemId, CommentSubmission submission, string formToken, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async ct =>
        {
            var item = await PublicItemAsync(contentItemId, ct);
            var window = item is null ? null : await WindowAsync(item, ct);
            if (item is null || window is null)
            {
                throw new DiscussionNotFoundException("Không tìm thấy nội dung đang lấy ý kiến.");
            }

            if (!window.IsOpen)
            {
                throw new DiscussionException(window.NotYetOpen(time.GetUtcNow().UtcDateTime) ? NotYetOpenMessage : ClosedMessage);
            }

            var hash = TokenHash(formToken);
            if (await db.Set<Comment>().AnyAsync(c => c.TokenHash == hash, ct))
            {
                throw new DiscussionException("Biểu mẫu này đã được gửi. Xin vui lòng tải lại trang nếu muốn gửi thêm ý kiến.");
            }

            var comment = new Comment
            {
                ContentItemId = item.ContentItemId,
                Name = submission.Name,
                Email = string.IsNullOrWhiteSpace(submission.Email) ? null : submission.Email,
                Text = submission.Text,
                Status = CommentStatus.Pending,
                CreatedUtc = time.GetUtcNow().UtcDateTime,
                TokenHash = hash,
            };
            db.Add(comment);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same form sent twice at once: the unique token hash lets one in.
                throw new DiscussionException("Biểu mẫu này đã được gửi. Xin vui lòng tải lại trang nếu muốn gửi thêm ý kiến.");
            }

            return comment;
        }, cancellationToken);

    /// <summary>Opens an item for discussion (or opens it again), recorded with who and when.</summary>
    /// <exception cref="DiscussionException">The item's type cannot be discussed.</exception>
    public Task OpenAsync(ContentItem item, string userName, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async ct =>
        {
            if (await definitions.GetResolvedTypeAsync(item.ContentType, ct) is not { } type || !type.Parts.Any(p => p.Code?.Type == typeof(DiscussionPart)))
            {
                throw new DiscussionException("Loại nội dung này không mở thảo luận được.");
            }

            if (type.Section<DiscussionTypeSettings>() is not null)
            {
                throw new DiscussionException("Thời gian lấy ý kiến của nội dung này theo thời điểm mở và đóng ghi trong nội dung.");
            }

            var state = await db.Set<DiscussionState>().FirstOrDefaultAsync(d => d.ContentItemId == item.ContentItemId, ct);
            if (state is null)
            {
                db.Add(state = new DiscussionState { ContentItemId = item.ContentItemId, OpenedBy = userName });
            }

            state.OpenedUtc = time.GetUtcNow().UtcDateTime;
            state.OpenedBy = userName;
            state.ClosedUtc = null;
            state.ClosedBy = null;
            await db.SaveChangesAsync(ct);
            EvictAfterCommit(item.ContentItemId);
        }, cancellationToken);

    /// <summary>Closes a discussion: accepted comments stay shown, no new comment is taken.</summary>
    public Task CloseAsync(ContentItem item, string userName, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async ct =>
        {
            var state = await db.Set<DiscussionState>().FirstOrDefaultAsync(d => d.ContentItemId == item.ContentItemId, ct);
            if (state is not { IsOpen: true })
            {
                throw new DiscussionException("Nội dung này không đang mở thảo luận.");
            }

            state.ClosedUtc = time.GetUtcNow().UtcDateTime;
            state.ClosedBy = userName;
            await db.SaveChangesAsync(ct);
            EvictAfterCommit(item.ContentItemId);
        }, cancellationToken);

    /// <summary>The comments of a status, oldest first for the pending (first come, first moderated), newest first otherwise.</summary>
    public async Task<PagedList<QueuedComment>> QueueAsync(CommentStatus status, int page, CancellationToken cancellationToken)
    {
        page = Math.Clamp(page, 1, PublicContent.MaxPage);
        var rows = db.Set<Comment>().AsNoTracking().Where(c => c.Status == status);
        var total = await rows.CountAsync(cancellationToken);
        var ordered = status == CommentStatus.Pending ? rows.OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id) : rows.OrderByDescending(c => c.ModeratedUtc).ThenByDescending(c => c.Id);
        var comments = await ordered.Skip((page - 1) * QueuePageSize).Take(QueuePageSize).ToListAsync(cancellationToken);
        var ids = comments.Select(c => c.ContentItemId).Distinct().ToList();
        var titles = await db.Set<ContentItem>().AsNoTracking().Where(c => ids.Contains(c.ContentItemId) && c.Latest)
            .Select(c => new { c.ContentItemId, c.DisplayText }).ToDictionaryAsync(c => c.ContentItemId, c => c.DisplayText, cancellationToken);
        // The screening list is applied as the queue is read: a list changed later shows its hits on comments sent before.
        var list = await screening.ListAsync(cancellationToken);
        return new PagedList<QueuedComment>([.. comments.Select(c => new QueuedComment(c, titles.GetValueOrDefault(c.ContentItemId), ScreeningRules.Find(c.Name + "\n" + c.Text, list)))], page, QueuePageSize, total);
    }

    /// <summary>Accepts a pending comment: from the commit on, it shows under the item.</summary>
    public Task<Comment> AcceptAsync(long id, string userName, CancellationToken cancellationToken) =>
        ModerateAsync(id, userName, CommentStatus.Accepted, null, cancellationToken);

    /// <summary>Rejects a pending comment with the moderator's reason; it is never shown.</summary>
    public Task<Comment> RejectAsync(long id, string userName, string? reason, CancellationToken cancellationToken)
    {
        reason = reason?.Trim();
        if (reason is not { Length: >= Comment.MinReasonLength and <= Comment.MaxReasonLength })
        {
            throw new DiscussionException($"Xin vui lòng ghi lý do từ chối (từ {Comment.MinReasonLength} đến {Comment.MaxReasonLength} ký tự).");
        }

        return ModerateAsync(id, userName, CommentStatus.Rejected, reason, cancellationToken);
    }

    private Task<Comment> ModerateAsync(long id, string userName, CommentStatus decision, string? reason, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async ct =>
        {
            var comment = await db.Set<Comment>().FirstOrDefaultAsync(c => c.Id == id, ct)
                ?? throw new DiscussionNotFoundException("Không tìm thấy ý kiến này.");
            if (comment.Status != CommentStatus.Pending)
            {
                throw new DiscussionException("Ý kiến này đã được kiểm duyệt.");
            }

            comment.Status = decision;
            comment.ModeratedBy = userName;
            comment.ModeratedUtc = time.GetUtcNow().UtcDateTime;
            comment.RejectReason = reason;
            await db.SaveChangesAsync(ct);
            if (decision == CommentStatus.Accepted)
            {
                EvictAfterCommit(comment.ContentItemId);
            }

            return comment;
        }, cancellationToken);

    /// <summary>The item's cached public page shows the discussion: it is drawn again once the change is committed.</summary>
    private void EvictAfterCommit(string contentItemId) =>
        unitOfWork.AfterCommit(_ =>
        {
            pages.EvictByTag(CacheTags.Item(contentItemId));
            return Task.CompletedTask;
        });

    private static string TokenHash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
