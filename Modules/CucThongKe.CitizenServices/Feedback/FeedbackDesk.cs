using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.CitizenServices.Outbox;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Mail;
using CucThongKe.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.CitizenServices.Feedback;

/// <summary>A refused change of a feedback (unknown category or status, an empty reply...): 400, nothing saved.</summary>
public sealed class FeedbackInputException(string message) : Exception(message);

/// <summary>A line of a unit's feedback inbox.</summary>
public sealed record FeedbackRow(string ContentItemId, string Code, string Title, string? UnitId, string? CategoryId, FeedbackState Status, DateTime ReceivedUtc, DateTime? RepliedUtc);

/// <summary>One feedback as its unit handles it: the item (text, sender) and its case.</summary>
public sealed record FeedbackDetail(ContentItem Item, FeedbackCase Case)
{
    public string Code => CitizenInbox.CodeOf(CitizenMessageKind.Feedback.Prefix, Item.ContentItemId);

    public string? Text(string field) => Item.Content[CitizenMessageKind.Feedback.ContentType]?[field]?["Text"]?.GetValue<string>();

    public string? ReplyHtml => Item.Content[CitizenMessageKind.Feedback.ContentType]?["Reply"]?["Html"]?.GetValue<string>();
}

/// <summary>The feedback inbox (Điều 14.4): what a unit received, its category and status, the unit's reply (stored with the
/// item, mailed to the sender when they gave an address). Arrival is <see cref="FeedbackIntake"/>'s.</summary>
/// <remarks>A unit sees its own feedback only; the board (Contents' every-unit permissions) sees all. Callers check
/// <see cref="ContentAccess.CanView"/> and <see cref="ContentAccess.CanEdit"/> on the item.</remarks>
public sealed class FeedbackDesk(
    CmsDbContext db,
    ContentManager contents,
    UnitOfWork unitOfWork,
    CitizenMailOutbox outbox,
    SettingsStore settings,
    FeedbackCategories categories,
    TimeProvider clock)
{
    public const int PageSize = 50;

    public const int MaxReplyLength = 5000;

    private static readonly string Type = CitizenMessageKind.Feedback.ContentType;

    /// <summary>A page of the feedback <paramref name="user"/> sees (their unit's, or every unit's for the board), newest first.</summary>
    public async Task<(IReadOnlyList<FeedbackRow> Rows, int Total)> PageAsync(ClaimsPrincipal user, FeedbackState? status, string? categoryId, int page, CancellationToken cancellationToken)
    {
        var visible = ContentAccess.VisibleUnit(user);
        var query =
            from c in db.Set<FeedbackCase>()
            join i in db.Set<ContentItem>() on c.ContentItemId equals i.ContentItemId
            where i.Latest && !i.Removed && i.ContentType == Type && (visible == null || i.UnitId == visible)
                && (status == null || c.Status == status) && (categoryId == null || c.CategoryId == categoryId)
            select new { c, i.DisplayText, i.UnitId };
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(r => r.c.ReceivedUtc).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return ([.. rows.Select(r => new FeedbackRow(
            r.c.ContentItemId, CitizenInbox.CodeOf(CitizenMessageKind.Feedback.Prefix, r.c.ContentItemId), r.DisplayText, r.UnitId,
            r.c.CategoryId, r.c.Status, r.c.ReceivedUtc, r.c.RepliedUtc))], total);
    }

    /// <summary>The feedback with this id (latest version) and its case; null when there is none. The caller checks access.</summary>
    public async Task<FeedbackDetail?> FindAsync(string contentItemId, CancellationToken cancellationToken)
    {
        if (contentItemId.Length != 32
            || await contents.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken) is not { ContentType: var type } item || type != Type
            || await db.Set<FeedbackCase>().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId, cancellationToken) is not { } found)
        {
            return null;
        }

        return new FeedbackDetail(item, found);
    }

    /// <summary>Classes the feedback and sets its status. "Đã trả lời" comes from a reply only; any other status may be set.</summary>
    public async Task UpdateAsync(FeedbackDetail feedback, string? status, string? categoryId, CancellationToken cancellationToken)
    {
        var parsed = ParseStatus(status);
        if (parsed == FeedbackState.Answered && feedback.Case.RepliedUtc is null)
        {
            throw new FeedbackInputException("Chỉ chuyển sang “Đã trả lời” bằng cách gửi câu trả lời.");
        }

        var category = await categories.CheckAsync(categoryId, cancellationToken);
        var row = await db.Set<FeedbackCase>().SingleAsync(c => c.ContentItemId == feedback.Item.ContentItemId, cancellationToken);
        row.CategoryId = category;
        row.Status = parsed;
        row.ClosedUtc = parsed == FeedbackState.Closed ? row.ClosedUtc ?? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stores the unit's reply with the feedback (a new version of the item), marks it answered and queues it to the
    /// sender when they gave an address. A second reply replaces the first and is mailed again.</summary>
    public async Task ReplyAsync(FeedbackDetail feedback, string? reply, string userName, CancellationToken cancellationToken)
    {
        var text = TextNormalizer.Normalize(reply ?? "").Trim();
        if (text.Length < 10 || text.Length > MaxReplyLength)
        {
            throw new FeedbackInputException("Câu trả lời dài từ 10 đến 5.000 ký tự.");
        }

        await unitOfWork.RunAsync(async ct =>
        {
            var next = feedback.Item.CloneAsNewVersion();
            next.Content[Type]!.AsObject()["Reply"] = new JsonObject { ["Html"] = Html(text) };
            await contents.SaveDraftAsync(next, feedback.Item.Version, ct);

            var row = await db.Set<FeedbackCase>().SingleAsync(c => c.ContentItemId == feedback.Item.ContentItemId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            row.Status = FeedbackState.Answered;
            row.RepliedUtc ??= now;
            row.RepliedBy = userName;
            row.ClosedUtc = null;
            if (feedback.Text("SenderEmail") is { Length: > 0 } email)
            {
                var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, ct);
                var name = feedback.Text("SenderName");
                await outbox.EnqueueAsync(new CmsMail(
                    email,
                    name,
                    $"Trả lời góp ý mã {feedback.Code}",
                    $"Kính gửi {name ?? "Quý vị"},\n\n{site.OwnerName ?? "Cục Thống kê"} trả lời góp ý mã {feedback.Code} của Quý vị như sau:\n\n{text}\n\n" +
                    "Thư này được gửi tự động; xin vui lòng không trả lời thư."), ct);
            }

            await db.SaveChangesAsync(ct);
        }, cancellationToken);
    }

    /// <summary>The status of the inbox's filter or the edit form; anything else is refused.</summary>
    public static FeedbackState ParseStatus(string? status) =>
        Enum.TryParse<FeedbackState>(status, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _)
            ? parsed
            : throw new FeedbackInputException("Trạng thái không hợp lệ: hãy chọn Mới, Đang xử lý, Đã trả lời hoặc Đã đóng.");

    // Vietnamese letters stay letters in the stored HTML (the default encoder would write them as entities).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The reply as the item's HTML field holds it: paragraphs of encoded text.</summary>
    private static string Html(string text) =>
        string.Concat(text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => "<p>" + Encoder.Encode(l) + "</p>"));
}
