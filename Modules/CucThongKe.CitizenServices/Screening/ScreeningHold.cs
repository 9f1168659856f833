using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.CitizenServices.Screening;

/// <summary>
/// The <c>Screening</c> section of a content type's settings: the field a citizen writes (a question:
/// <c>"Screening": { "CitizenField": "Question.Question" }</c>). An item of such a type whose citizen-written text hits the
/// list is held: never published until a moderator has recorded "đã xem xét, cho phép" for exactly those hits.
/// </summary>
public sealed class ScreeningTypeSettings
{
    public const string SectionName = "Screening";

    /// <summary>The citizen's text, as <c>Part.Field</c>.</summary>
    [ContentFieldReference(nameof(MultilineTextField))]
    public required string CitizenField { get; init; }
}

/// <summary>A moderator's "đã xem xét, cho phép" for an item's hits, kept outside the item's versions (table
/// <c>ScreeningClearances</c>): a new version keeps it, and it covers only the hits it names.</summary>
public sealed class ScreeningClearance
{
    public required string ContentItemId { get; set; }

    /// <summary>The entries cleared, one a line, as the hits named them.</summary>
    public required string Hits { get; set; }

    public required string ClearedBy { get; set; }

    public DateTime ClearedUtc { get; set; }
}

internal sealed class ScreeningClearanceConfiguration : IEntityTypeConfiguration<ScreeningClearance>
{
    public void Configure(EntityTypeBuilder<ScreeningClearance> builder)
    {
        builder.ToTable("ScreeningClearances");
        builder.HasKey(x => x.ContentItemId);
        builder.Property(x => x.ContentItemId).HasMaxLength(32);
        builder.Property(x => x.Hits).HasMaxLength(4000).IsRequired();
        builder.Property(x => x.ClearedBy).HasMaxLength(256).IsRequired();
    }
}

/// <summary>An item that cannot be cleared now (its type is not screened, or its text hits nothing), in Vietnamese (400).</summary>
public sealed class ScreeningClearanceException(string message) : Exception(message);

/// <summary>What the citizen wrote hits the list, and whether a moderator has cleared those hits.</summary>
public sealed record ScreeningHold(IReadOnlyList<ScreeningHit> Hits, ScreeningClearance? Clearance)
{
    /// <summary>The hits, one a line: what a clearance records.</summary>
    public string Key => string.Join('\n', Hits.Select(h => h.Describe()));

    public bool Cleared => Clearance is not null && Clearance.Hits == Key;

    public string Describe() => string.Join(", ", Hits.Select(h => h.Describe()));
}

/// <summary>Holds citizens' items that hit the list until a moderator clears them.</summary>
public sealed class ScreeningHolds(ContentScreening screening, CmsDbContext db, UnitOfWork unitOfWork, AdminAuditLog audit, TimeProvider clock)
{
    public const string AuditAction = "screening-clearance";

    /// <summary>The hold on <paramref name="item"/>, or null when its type is not screened or its citizen's text hits nothing.</summary>
    public async Task<ScreeningHold?> HoldAsync(ContentItem item, ResolvedContentType type, CancellationToken cancellationToken)
    {
        if (type.Section<ScreeningTypeSettings>() is not { } settings)
        {
            return null;
        }

        var list = await screening.ListAsync(cancellationToken);
        var hits = ScreeningRules.FindAll(type.FieldValue<MultilineTextField>(item, settings.CitizenField)?.Text, list).ToList();
        if (hits.Count == 0)
        {
            return null;
        }

        var clearance = await db.Set<ScreeningClearance>().AsNoTracking().SingleOrDefaultAsync(c => c.ContentItemId == item.ContentItemId, cancellationToken);
        return new ScreeningHold(hits, clearance);
    }

    /// <summary>Records that <paramref name="userName"/> has looked at the current hits of <paramref name="item"/> and allows them.</summary>
    /// <exception cref="ScreeningClearanceException">Nothing to clear.</exception>
    public Task ClearAsync(ContentItem item, ResolvedContentType type, string userName, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async ct =>
        {
            var hold = await HoldAsync(item, type, ct) ?? throw new ScreeningClearanceException("Nội dung này không có từ, cụm từ hay liên kết bị cấm: không có gì cần cho phép.");
            if (hold.Cleared)
            {
                throw new ScreeningClearanceException("Nội dung này đã được xem xét, cho phép.");
            }

            var clearance = await db.Set<ScreeningClearance>().SingleOrDefaultAsync(c => c.ContentItemId == item.ContentItemId, ct);
            var before = clearance?.Hits;
            if (clearance is null)
            {
                clearance = new ScreeningClearance { ContentItemId = item.ContentItemId, Hits = hold.Key, ClearedBy = userName };
                db.Add(clearance);
            }

            clearance.Hits = hold.Key;
            clearance.ClearedBy = userName;
            clearance.ClearedUtc = clock.GetUtcNow().UtcDateTime;
            await audit.RecordAsync(AuditAction, item.ContentItemId, $"Đã xem xét, cho phép: {hold.Describe()} ({item.DisplayText}).", before, hold.Key, cancellationToken: ct);
        }, cancellationToken);
}

/// <summary>Refuses to publish a citizen's item whose text hits the list until a moderator has cleared those very hits.</summary>
/// <remarks>A judgment of the moment (a moderator can clear it, the editor can remove the word): the chain's "could this ever be
/// published?" (<see cref="PublishRequest.Prospective"/>) lets it pass, so the item goes through review and waits at publication.</remarks>
internal sealed class ScreeningPublishGuard(ScreeningHolds holds) : IPublishGuard
{
    public async Task<string?> CheckAsync(ContentItem version, ResolvedContentType type, PublishRequest request, CancellationToken cancellationToken) =>
        request.Prospective || await holds.HoldAsync(version, type, cancellationToken) is not { Cleared: false } hold
            ? null
            : $"Nội dung người dân gửi có {hold.Describe()}; cần người kiểm duyệt xem xét, cho phép trước khi đăng (Điều 4.1, Điều 7).";
}
