using CucThongKe.Statistics.Calendar;
using CucThongKe.Statistics.DataTables;
using CucThongKe.Statistics.Indicators;
using CucThongKe.Theme.Public.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>One indicator (<c>/chi-so/{code}</c>): the values whose release is out, as a table and a chart, downloads,
/// methodology and the next release.</summary>
public sealed class IndicatorModel(IndicatorStore store, ReleaseCalendar calendar, IndicatorReports reports) : PageModel
{
    public Indicator Indicator { get; private set; } = null!;

    public IReadOnlyList<SeriesPoint> Series { get; private set; } = [];

    public ReleaseView? Next { get; private set; }

    /// <summary>The released reports that carry the indicator, newest first.</summary>
    public IReadOnlyList<ReportLink> Reports { get; private set; } = [];

    /// <summary>The chart of the indicator's own frequency (a monthly CPI's months, not its quarters), the last 36 points.</summary>
    public string? Chart { get; private set; }

    public SeriesPoint? Latest => Series.LastOrDefault(p => p.Period.Kind == Indicator.Frequency);

    public SeriesPoint? Previous => Series.Where(p => p.Period.Kind == Indicator.Frequency).SkipLast(1).LastOrDefault();

    public string Value(decimal value) => VietnameseNumber.WithUnit(value, Indicator.Unit, Indicator.Decimals);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(code, cancellationToken) is not { } indicator)
        {
            return NotFound();
        }

        Indicator = indicator;
        Series = await store.SeriesAsync(indicator.Id, cancellationToken);
        Next = await calendar.NextForAsync(indicator.Code, cancellationToken);
        Reports = await reports.ReportsOfAsync(indicator, 12, cancellationToken);
        Chart = SvgChart.Line(
            [.. Series.Where(p => p.Period.Kind == indicator.Frequency).TakeLast(36).Select(p => (p.Period.ShortLabel, p.Value, Value(p.Value)))],
            $"Biểu đồ: {indicator.Name} theo {Period.KindName(indicator.Frequency)}");
        ViewData["Title"] = indicator.Name;
        ViewData["Description"] = indicator.Definition ?? indicator.Name;
        Breadcrumb.Set(ViewData, IndicatorsModel.Link, new MenuLink(indicator.Name, "/chi-so/" + indicator.Code));
        return Page();
    }
}
