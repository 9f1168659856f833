using System.Globalization;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Security;
using System.Text.Encodings.Web;
using CucThongKe.Office.Contributions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Office.Pages.Admin.Contributions;

/// <summary>Contribution and timeliness statistics by person and unit for a month, quarter or year, with charts and an XLSX export; a unit sees its own.</summary>
[Authorize(Policy = "AccessAdmin")]
public sealed class IndexModel(ContributionStatistics statistics, IUnitDirectory units, TimeProvider clock, DisplayNames names) : PageModel
{
    public ContributionReport? Report { get; private set; }

    public string PeriodKey { get; private set; } = "";

    public string? UnitId { get; private set; }

    /// <summary>Null: the user sees every unit and may choose one.</summary>
    public string? OwnUnit { get; private set; }

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    /// <summary>Every unit's name by id, retired ones too (old rows name them); <see cref="Units"/> are those to choose from.</summary>
    private IReadOnlyDictionary<string, string> UnitNames { get; set; } = new Dictionary<string, string>();

    public string? Error { get; private set; }

    public string UnitName(string? id) => id is null ? "(không có đơn vị)" : UnitNames.GetValueOrDefault(id, id);

    /// <summary>An SVG <c>text</c> element (Razor reads a literal <c>&lt;text&gt;</c> as its own tag), the label encoded.</summary>
    public static IHtmlContent SvgLabel(double x, double y, string label) => new HtmlString(string.Create(CultureInfo.InvariantCulture,
        $"<text x=\"{x:0.#}\" y=\"{y:0.#}\">{HtmlEncoder.Default.Encode(label)}</text>"));

    public string ExportUrl => $"/admin/thong-ke-dong-gop?handler=Xlsx&ky={PeriodKey}" + (UnitId is null ? "" : "&donvi=" + Uri.EscapeDataString(UnitId));

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "ky")] string? period, [FromQuery(Name = "donvi")] string? unit, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(period, unit, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Report = await statistics.BuildAsync(ContributionStatistics.ParsePeriod(PeriodKey)!, UnitId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync([FromQuery(Name = "ky")] string? period, [FromQuery(Name = "donvi")] string? unit, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(period, unit, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var report = await statistics.BuildAsync(ContributionStatistics.ParsePeriod(PeriodKey)!, UnitId, cancellationToken);
        return File(ContributionExport.Xlsx(report, UnitName), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"thong-ke-dong-gop-{PeriodKey}.xlsx");
    }

    private async Task<IActionResult?> PrepareAsync(string? period, string? unit, CancellationToken cancellationToken)
    {
        try
        {
            OwnUnit = ContributionStatistics.VisibleUnit(User);
        }
        catch (UnauthorizedAccessException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        // A unit asking for another unit's figures is refused, not shown its own silently.
        if (OwnUnit is not null && !string.IsNullOrEmpty(unit) && unit != OwnUnit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Units = await units.ListActiveAsync(cancellationToken);
        UnitNames = await names.AllAsync(DisplayNameKinds.Unit, cancellationToken);
        UnitId = OwnUnit ?? (string.IsNullOrWhiteSpace(unit) ? null : unit);
        // Without a choice, the last whole month: the office reviews a month once it is over (the dashboard's widget links
        // to the month under way).
        PeriodKey = string.IsNullOrWhiteSpace(period)
            ? DateOnly.FromDateTime(Core.Data.VietnamTime.FromUtc(clock.GetUtcNow().UtcDateTime)).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : period.Trim();
        if (ContributionStatistics.ParsePeriod(PeriodKey) is null)
        {
            Error = "Kỳ phải là một tháng (2026-11), một quý (2026-Q4) hoặc một năm (2026).";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (UnitId is not null && Units.All(u => u.Id != UnitId))
        {
            Error = $"Không có đơn vị '{UnitId}'.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return null;
    }
}
