using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Office.Royalties;

/// <summary>
/// The <c>Royalties</c> step: the rate table (added or updated, checked and recorded as the back-office form does) and, for
/// a demo or a migration from the paper ledger, past entries of published items and closed months.
/// </summary>
/// <remarks>Entries and closings go through the ledger like the accountant's page: a closed month refuses them (the step
/// fails with the JSON path, nothing stored). They are refused from the back office: the ledger is drafted from publications,
/// and an uploaded file must not rewrite it.</remarks>
internal sealed class RoyaltiesRecipeStep(RoyaltyRates rates, RoyaltyLedger ledger, CmsDbContext db) : IRecipeStep
{
    private const string Actor = "recipe";

    public string Name => "Royalties";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<StepModel>();
        for (var i = 0; i < model.Rates.Count; i++)
        {
            // A line of the same kind from the same date is that rate again: running a recipe twice updates it (recorded
            // only when it differs) instead of refusing the second run as an overlap.
            var input = model.Rates[i];
            if (input.Id is null && input.Kind is { } kind && input.ValidFrom is { } from)
            {
                input.Id = await db.Set<RoyaltyRate>().AsNoTracking().Where(r => r.Kind == kind && r.ValidFrom == from)
                    .Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
            }

            await Guarded(context, $".Rates[{i}]", () => rates.SaveAsync(input, Actor, cancellationToken));
        }

        if ((model.Entries.Count > 0 || model.ClosedPeriods.Count > 0) && context.Options.IsBackOffice)
        {
            throw context.Error(".Entries", "công thức chạy trong trang quản trị không được ghi sổ nhuận bút: sổ được lập khi nội dung được đăng và do kế toán duyệt, khóa.");
        }

        // One item's credits are drafted together, as its publication drafts them (a second draft of an item adds nothing).
        foreach (var item in model.Entries.Select((e, i) => (Entry: e, Path: $".Entries[{i}]")).GroupBy(e => e.Entry.Item))
        {
            await AddItemAsync(context, [.. item], cancellationToken);
        }

        for (var i = 0; i < model.ClosedPeriods.Count; i++)
        {
            var period = model.ClosedPeriods[i];
            await Guarded(context, $".ClosedPeriods[{i}]", () => ledger.CloseAsync(period.Period, period.ClosedBy ?? Actor, cancellationToken));
        }
    }

    private async Task AddItemAsync(RecipeStepContext context, IReadOnlyList<(EntryModel Entry, string Path)> entries, CancellationToken ct)
    {
        var (first, firstPath) = entries[0];
        var item = await db.Set<ContentItem>().AsNoTracking().Where(c => c.DisplayText == first.Item && c.Published)
            .Select(c => new { c.ContentItemId, c.ContentType, c.PublishedUtc }).FirstOrDefaultAsync(ct)
            ?? throw context.Error(firstPath + ".Item", $"không có nội dung đã đăng tên '{first.Item}'.");
        var published = first.PublishedUtc is { } at ? DateTime.SpecifyKind(at.UtcDateTime, DateTimeKind.Utc) : item.PublishedUtc ?? default;
        var credits = new List<RoyaltyCredit>();
        foreach (var (input, path) in entries)
        {
            var credit = new RoyaltyCredit { Role = input.Role, Kind = input.Kind, UserName = input.UserName, Name = input.Name, Unit = input.Unit, Quantity = input.Quantity };
            if (credit.Kind is null || !Enum.IsDefined(credit.Role) || (credit.UserName is null) == (credit.Name is null) || (credit.Name is not null && credit.Unit is null))
            {
                throw context.Error(path, "mỗi dòng cần Kind, Role và một người: UserName, hoặc Name với Unit.");
            }

            credits.Add(credit);
        }

        await Guarded(context, firstPath, () => ledger.DraftAsync(new RoyaltyPublication(item.ContentItemId, item.ContentType, first.Item, published), credits, ct));
        for (var i = 0; i < entries.Count; i++)
        {
            var (input, path) = entries[i];
            var (kind, key) = (credits[i].Kind, RoyaltyCreditsPart.PersonKeyOf(credits[i]));
            var entry = await db.Set<RoyaltyEntry>().AsNoTracking().Where(e => e.ContentItemId == item.ContentItemId && e.Kind == kind && e.PersonKey == key)
                .Select(e => e.Id).FirstOrDefaultAsync(ct);
            if (input.Adjust is { } adjust)
            {
                await Guarded(context, path + ".Adjust", () => ledger.AdjustAsync(entry, adjust.Amount, adjust.Reason, adjust.By ?? Actor, ct));
            }
            else if (input.ReviewedBy is { } reviewer)
            {
                await Guarded(context, path + ".ReviewedBy", () => ledger.ReviewAsync([entry], reviewer, ct));
            }
        }
    }

    private static async Task Guarded<T>(RecipeStepContext context, string path, Func<Task<T>> work)
    {
        try
        {
            await work();
        }
        catch (RoyaltyInputException ex)
        {
            throw context.Error(path, ex.Message);
        }
        catch (RoyaltyPeriodClosedException ex)
        {
            throw context.Error(path, ex.Message);
        }
    }

    private sealed class StepModel
    {
        public List<RoyaltyRateInput> Rates { get; set; } = [];

        public List<EntryModel> Entries { get; set; } = [];

        public List<ClosedPeriodModel> ClosedPeriods { get; set; } = [];
    }

    private sealed class EntryModel
    {
        /// <summary>The published item's title.</summary>
        public required string Item { get; set; }

        /// <summary>When it was published (with its offset); the item's own date when left out.</summary>
        public DateTimeOffset? PublishedUtc { get; set; }

        public RoyaltyRole Role { get; set; }

        public string? Kind { get; set; }

        public string? UserName { get; set; }

        public string? Name { get; set; }

        public string? Unit { get; set; }

        public int Quantity { get; set; } = 1;

        public string? ReviewedBy { get; set; }

        public AdjustModel? Adjust { get; set; }
    }

    private sealed class AdjustModel
    {
        public long Amount { get; set; }

        public string? Reason { get; set; }

        public string? By { get; set; }
    }

    private sealed class ClosedPeriodModel
    {
        public required string Period { get; set; }

        public string? ClosedBy { get; set; }
    }
}
