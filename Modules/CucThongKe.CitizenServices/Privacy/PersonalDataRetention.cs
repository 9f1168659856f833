using System.Text.Json.Nodes;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.CitizenServices.Outbox;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Cluster;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CucThongKe.CitizenServices.Privacy;

/// <summary>The <c>Cms:CitizenServices:Retention</c> section: how long a citizen's personal data is kept (Điều 7.6).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Cms:CitizenServices:Retention";

    /// <summary>Days after a question is received before its asker's name, e-mail and phone are erased (the question and its answer stay).</summary>
    public int QuestionDays { get; set; } = 365;

    /// <summary>Days after feedback is received before its sender's name, e-mail and phone are erased (the text, category, status and reply stay).</summary>
    public int FeedbackDays { get; set; } = 365;

    /// <summary>Days a given-up mail (it holds an address) is kept for the operator before it is deleted.</summary>
    public int UndeliveredMailDays { get; set; } = 30;

    /// <summary>How often (minutes) the eraser looks for what has passed its period.</summary>
    public int RunEveryMinutes { get; set; } = 60;
}

/// <summary>That the personal data of a citizen's message was erased, and when (the eraser does each message once).</summary>
public sealed class PersonalDataErasure
{
    public required string ContentItemId { get; set; }

    public DateTime ErasedUtc { get; set; }
}

internal sealed class PersonalDataErasureConfiguration : IEntityTypeConfiguration<PersonalDataErasure>
{
    public void Configure(EntityTypeBuilder<PersonalDataErasure> builder)
    {
        builder.ToTable("PersonalDataErasures");
        builder.HasKey(e => e.ContentItemId);
        builder.Property(e => e.ContentItemId).HasMaxLength(32);
    }
}

/// <summary>Erases the sender's name, e-mail and phone from every version of a question or feedback once its retention period
/// has passed (Điều 7.6); the message itself, the answer or reply and the case stay. Each erasure is in the admin-audit log.</summary>
/// <remarks>The versions are history, otherwise never rewritten: this is the one exception, and it only blanks those fields.</remarks>
public sealed class PersonalDataEraser(CmsDbContext db, UnitOfWork unitOfWork, AdminAuditLog audit, TimeProvider clock, IOptions<RetentionOptions> options)
{
    public const string AuditAction = "personal-data-erased";

    /// <summary>The eraser's name in the admin-audit log.</summary>
    public const string Actor = "he-thong:luu-tru";

    /// <summary>What stands for the sender's name once erased.</summary>
    public const string ErasedName = "(đã xóa theo thời hạn lưu trữ)";

    private const int BatchSize = 100;

    /// <summary>Erases what is due, at most a batch of each kind; returns how many messages were erased.</summary>
    public async Task<int> EraseDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var erased = 0;
        foreach (var (kind, days) in new[] { (CitizenMessageKind.Question, options.Value.QuestionDays), (CitizenMessageKind.Feedback, options.Value.FeedbackDays) })
        {
            var cutoff = now.AddDays(-Math.Max(1, days));
            var due = await db.Set<ContentItem>().AsNoTracking()
                .Where(c => c.ContentType == kind.ContentType && c.Latest && c.CreatedUtc < cutoff
                    && !db.Set<PersonalDataErasure>().Any(e => e.ContentItemId == c.ContentItemId))
                .OrderBy(c => c.CreatedUtc).Select(c => c.ContentItemId).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var id in due)
            {
                await unitOfWork.RunAsync(ct => EraseAsync(kind, id, now, ct), cancellationToken);
                erased++;
            }
        }

        var mailCutoff = now.AddDays(-Math.Max(1, options.Value.UndeliveredMailDays));
        await db.Set<CitizenMail>().Where(m => m.GaveUpUtc != null && m.GaveUpUtc < mailCutoff).ExecuteDeleteAsync(cancellationToken);
        return erased;
    }

    private async Task EraseAsync(CitizenMessageKind kind, string contentItemId, DateTime now, CancellationToken cancellationToken)
    {
        var versions = await db.Set<ContentItem>().Where(c => c.ContentItemId == contentItemId).ToListAsync(cancellationToken);
        foreach (var version in versions)
        {
            if (version.Content[kind.ContentType] is JsonObject part)
            {
                // The name is a required field: a mark keeps the item editable (a late reply still saves); the rest is blanked.
                part[kind.SenderField + "Name"] = new JsonObject { ["Text"] = ErasedName };
                part[kind.SenderField + "Email"] = new JsonObject { ["Text"] = null };
                part[kind.SenderField + "Phone"] = new JsonObject { ["Text"] = null };

                // The content is a JSON document: a new instance tells the change tracker the column changed.
                version.Content = JsonNode.Parse(version.Content.ToJsonString())!.AsObject();
            }
        }

        db.Add(new PersonalDataErasure { ContentItemId = contentItemId, ErasedUtc = now });
        var code = CitizenInbox.CodeOf(kind.Prefix, contentItemId);
        await audit.RecordAsync(AuditAction, contentItemId,
            $"Xóa họ tên, thư điện tử, số điện thoại của người gửi {(kind == CitizenMessageKind.Question ? "câu hỏi" : "góp ý")} mã {code}: đã hết thời hạn lưu trữ.",
            before: null, after: null, actorName: Actor, cancellationToken: cancellationToken);
    }
}

/// <summary>Runs the eraser every <see cref="RetentionOptions.RunEveryMinutes"/> on the holder of the <see cref="Lease"/> lease only.</summary>
internal sealed class PersonalDataRetentionService(IServiceScopeFactory scopes, IOptionsMonitor<RetentionOptions> options, BackgroundLeases leases, TimeProvider clock, ILogger<PersonalDataRetentionService> logger)
    : LeasedPeriodicService<PersonalDataEraser>(scopes, leases, clock, logger)
{
    public const string Lease = "personal-data-retention";

    protected override string LeaseName => Lease;

    protected override TimeSpan Period => TimeSpan.FromMinutes(Math.Max(1, options.CurrentValue.RunEveryMinutes));

    protected override Task RunRoundAsync(PersonalDataEraser work, CancellationToken cancellationToken) => work.EraseDueAsync(cancellationToken);
}
