using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Office.Obligations;

/// <summary>
/// The <c>ReportingObligations</c> step: obligations (added or updated, checked as the back-office form checks them) and, for
/// a demo or a migration from paper records, past entries with how they ended.
/// </summary>
/// <remarks>Past entries are refused in the back office: the timeliness of units (Điều 17) is computed from the chain's record, and
/// an uploaded file must not rewrite it. The setup of a new site and the server's command line may bring history.</remarks>
internal sealed class ObligationsRecipeStep(ObligationCatalog catalog, ObligationSchedule schedule, CmsDbContext db, TimeProvider clock) : IRecipeStep
{
    public string Name => "ReportingObligations";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<StepModel>();
        for (var i = 0; i < model.Obligations.Count; i++)
        {
            try
            {
                await catalog.SaveAsync(model.Obligations[i], cancellationToken);
            }
            catch (ObligationInputException ex)
            {
                throw context.Error($".Obligations[{i}].{ex.Field}", ex.Message);
            }
        }

        if (model.Entries.Count > 0 && context.Options.IsBackOffice)
        {
            throw context.Error(".Entries", "công thức chạy trong trang quản trị không được ghi lịch sử thực hiện nghĩa vụ: kết quả đúng hạn, trễ hạn được tính từ nhật ký quy trình duyệt.");
        }

        for (var i = 0; i < model.Entries.Count; i++)
        {
            await AddEntryAsync(context, model.Entries[i], $".Entries[{i}]", cancellationToken);
        }
    }

    private async Task AddEntryAsync(RecipeStepContext context, EntryModel input, string path, CancellationToken ct)
    {
        var obligation = await db.Set<ReportingObligation>().FirstOrDefaultAsync(o => o.Id == input.Obligation, ct)
            ?? throw context.Error(path + ".Obligation", $"không có nghĩa vụ '{input.Obligation}'.");
        var period = ObligationSchedule.Parse(obligation.Frequency, input.Period)
            ?? throw context.Error(path + ".Period", $"'{input.Period}' không phải một kỳ của nghĩa vụ này (ví dụ 2026-11, 2026-Q4, 2026-H2, 2026).");
        if (await db.Set<ObligationEntry>().AnyAsync(e => e.ObligationId == obligation.Id && e.Period == period.Key, ct))
        {
            throw context.Error(path + ".Period", $"nghĩa vụ '{obligation.Id}' đã có kỳ {period.Key}.");
        }

        if (input.ContentItemId is { Length: > 32 } || input.SubmittedBy is { Length: > 256 })
        {
            throw context.Error(path, "mã nội dung tối đa 32 ký tự, người gửi tối đa 256 ký tự.");
        }

        if (input.Missed && input.SubmittedUtc is not null)
        {
            throw context.Error(path + ".Missed", "một kỳ đã gửi thì không thể là không thực hiện.");
        }

        var entry = schedule.NewEntry(obligation, period, clock.GetUtcNow().UtcDateTime);
        if (input.SubmittedUtc is { } submitted)
        {
            entry.FulfilledUtc = DateTime.SpecifyKind(submitted.UtcDateTime, DateTimeKind.Utc);
            entry.FulfilledBy = input.SubmittedBy;
            entry.ContentItemId = input.ContentItemId;
            entry.Outcome = entry.FulfilledUtc <= entry.DueUtc ? ObligationOutcome.OnTime : ObligationOutcome.Late;
        }
        else if (input.Missed)
        {
            entry.Outcome = ObligationOutcome.Missed;
        }

        // An open entry of a past period is told as overdue like any other; the history says nobody was reminded.
        db.Add(entry);
        await db.SaveChangesAsync(ct);
    }

    private sealed class StepModel
    {
        public List<ObligationInput> Obligations { get; set; } = [];

        public List<EntryModel> Entries { get; set; } = [];
    }

    private sealed class EntryModel
    {
        public required string Obligation { get; set; }

        public required string Period { get; set; }

        /// <summary>When the fulfilling item was submitted (with its offset, e.g. <c>2026-11-05T09:30:00+07:00</c>); none: not submitted.</summary>
        public DateTimeOffset? SubmittedUtc { get; set; }

        public string? SubmittedBy { get; set; }

        public string? ContentItemId { get; set; }

        public bool Missed { get; set; }
    }
}
