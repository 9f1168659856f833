using CucThongKe.Contents.Text;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using CucThongKe.Statistics.Calendar;
using CucThongKe.Statistics.DataTables;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Statistics.Indicators;

/// <summary>The <c>Indicators</c> step: indicators by code (a code the site has is updated, never removed).</summary>
internal sealed class IndicatorsRecipeStep(CmsDbContext db) : IRecipeStep
{
    public string Name => "Indicators";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<StepModel>();
        for (var i = 0; i < model.Indicators.Count; i++)
        {
            var input = model.Indicators[i];
            var path = $".Indicators[{i}]";
            if (input.Code.Length is 0 or > Indicator.MaxCodeLength || SlugGenerator.Slugify(input.Code) != input.Code)
            {
                throw context.Error(path + ".Code", $"mã chỉ số '{input.Code}' phải là chữ thường không dấu, số và '-'.");
            }

            if (string.IsNullOrWhiteSpace(input.Name) || !Enum.TryParse<PeriodKind>(input.Frequency, out var frequency) || !Enum.IsDefined(frequency))
            {
                throw context.Error(path, "chỉ số cần có Name và Frequency (Month, Quarter, SixMonths, NineMonths, Year).");
            }

            var indicator = await db.Set<Indicator>().FirstOrDefaultAsync(x => x.Code == input.Code, cancellationToken);
            if (indicator is null)
            {
                db.Add(indicator = new Indicator { Code = input.Code, Name = input.Name });
            }

            indicator.Name = input.Name.Trim();
            indicator.Definition = input.Definition;
            indicator.Unit = input.Unit;
            indicator.Frequency = frequency;
            indicator.Source = input.Source;
            indicator.Methodology = input.Methodology;
            indicator.Theme = input.Theme;
            indicator.Decimals = Math.Clamp(input.Decimals ?? 1, 0, 4);
            indicator.KeyFigureOrder = input.KeyFigureOrder;
            indicator.Order = i;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record StepModel(List<IndicatorModel> Indicators);

    private sealed record IndicatorModel(string Code, string Name, string Frequency, string? Definition = null, string? Unit = null,
        string? Source = null, string? Methodology = null, string? Theme = null, int? Decimals = null, int? KeyFigureOrder = null);
}

/// <summary>The <c>ReleaseCalendar</c> step: calendar entries by key, each checked as the back office checks it.</summary>
internal sealed class ReleaseCalendarRecipeStep(ReleaseCalendar calendar, CmsDbContext db) : IRecipeStep
{
    public string Name => "ReleaseCalendar";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<StepModel>();
        for (var i = 0; i < model.Entries.Count; i++)
        {
            var input = model.Entries[i];
            var existing = await db.Set<ReleaseEntry>().AsNoTracking().Where(e => e.Key == input.Key).Select(e => e.Id).FirstOrDefaultAsync(cancellationToken);
            try
            {
                await calendar.SaveAsync(new ReleaseEntry
                {
                    Id = existing,
                    Key = input.Key,
                    Title = input.Title,
                    Period = input.Period,
                    PlannedUtc = input.Planned.UtcDateTime,
                    IndicatorCodes = input.Indicators is null ? null : string.Join(' ', input.Indicators),
                    Status = input.Postponed is { Length: > 0 } ? ReleaseStatus.Postponed : ReleaseStatus.Planned,
                    Reason = input.Postponed,
                    ContentItemId = input.ContentItemId,
                }, context.Options.ActorUserName, cancellationToken);
            }
            catch (ReleaseEntryException ex)
            {
                throw context.Error($".Entries[{i}]", ex.Message);
            }
        }
    }

    private sealed record StepModel(List<EntryModel> Entries);

    private sealed record EntryModel(string Key, string Title, DateTimeOffset Planned, string? Period = null, List<string>? Indicators = null,
        string? ContentItemId = null, string? Postponed = null);
}

/// <summary>The <c>IndicatorValues</c> step: rows of values for one calendar entry, through the same import as an upload
/// (a header row of "Mã chỉ số", "Kỳ", "Giá trị", "Tình trạng", then one row a value). An entry already out takes values
/// only in a run that allows a legacy import (setup, or the command line's flag).</summary>
internal sealed class IndicatorValuesRecipeStep(IndicatorStore store, CmsDbContext db) : IRecipeStep
{
    public string Name => "IndicatorValues";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<StepModel>();
        for (var i = 0; i < model.Releases.Count; i++)
        {
            var input = model.Releases[i];
            var path = $".Releases[{i}]";
            var release = await db.Set<ReleaseEntry>().AsNoTracking().Where(e => e.Key == input.Release).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw context.Error(path + ".Release", $"không có đợt công bố mã '{input.Release}'.");
            if (input.Rows.Count is 0 or > StatTableReader.MaxRows || input.Rows.Any(r => r.Count != 4))
            {
                throw context.Error(path + ".Rows", $"cần từ 1 đến {StatTableReader.MaxRows} dòng, mỗi dòng 4 ô: mã chỉ số, kỳ, giá trị, tình trạng.");
            }

            var table = new StatTable
            {
                Caption = input.Release,
                Headers = ["Mã chỉ số", "Kỳ", "Giá trị", "Tình trạng"],
                Rows = [.. input.Rows.Select(r => (IReadOnlyList<string>)[.. r])],
            };
            try
            {
                await store.ImportAsync(table, release, context.Options.ActorUserName, context.Options.AllowsLegacyImport, cancellationToken);
            }
            catch (Exception ex) when (ex is IndicatorImportException or ReleaseEntryException)
            {
                throw context.Error(path + ".Rows", ex.Message);
            }
        }
    }

    private sealed record StepModel(List<ReleaseModel> Releases);

    private sealed record ReleaseModel(string Release, List<List<string>> Rows);
}
