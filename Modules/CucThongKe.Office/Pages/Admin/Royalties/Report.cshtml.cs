using System.Globalization;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Security;
using CucThongKe.Office.Royalties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Office.Pages.Admin.Royalties;

/// <summary>The ledger's report over months, by person and by unit, printable and exported as XLSX; a person sees only their own.</summary>
[Authorize(Policy = "AccessAdmin")]
public sealed class ReportModel(RoyaltyLedger ledger, IUnitDirectory units, TimeProvider clock, DisplayNames names) : PageModel
{
    public RoyaltyReport? Report { get; private set; }

    public string From { get; private set; } = "";

    public string To { get; private set; } = "";

    public string? UnitId { get; private set; }

    public string? OwnAccount { get; private set; }

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    /// <summary>Every unit's name by id, retired ones too (old rows name them); <see cref="Units"/> are those to choose from.</summary>
    private IReadOnlyDictionary<string, string> UnitNames { get; set; } = new Dictionary<string, string>();

    public string? Error { get; private set; }

    public string UnitName(string? unitId, string? external) => unitId is not null
        ? UnitNames.GetValueOrDefault(unitId, unitId)
        : external is not null ? external + " (cộng tác viên)" : "(không có đơn vị)";

    public string ExportUrl => $"/admin/nhuan-but/bao-cao?handler=Xlsx&tu={From}&den={To}" + (UnitId is null ? "" : "&donvi=" + Uri.EscapeDataString(UnitId));

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "tu")] string? from, [FromQuery(Name = "den")] string? to, [FromQuery(Name = "donvi")] string? unit, CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(from, to, unit, cancellationToken))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            Report = await ledger.ReportAsync(From, To, UnitId, OwnAccount, cancellationToken);
        }
        catch (RoyaltyInputException ex)
        {
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync([FromQuery(Name = "tu")] string? from, [FromQuery(Name = "den")] string? to, [FromQuery(Name = "donvi")] string? unit, CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(from, to, unit, cancellationToken))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            var report = await ledger.ReportAsync(From, To, UnitId, OwnAccount, cancellationToken);
            return File(RoyaltyExport.Xlsx(report, UnitName), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"nhuan-but-{From}-{To}.xlsx");
        }
        catch (RoyaltyInputException ex)
        {
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<bool> PrepareAsync(string? from, string? to, string? unit, CancellationToken cancellationToken)
    {
        try
        {
            OwnAccount = RoyaltyLedger.VisiblePerson(User);
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        // Without a choice, the last month: the one the accountant closes and reports.
        var lastMonth = DateOnly.FromDateTime(Core.Data.VietnamTime.FromUtc(clock.GetUtcNow().UtcDateTime)).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        From = string.IsNullOrWhiteSpace(from) ? lastMonth : from.Trim();
        To = string.IsNullOrWhiteSpace(to) ? From : to.Trim();
        UnitId = string.IsNullOrWhiteSpace(unit) ? null : unit;
        Units = await units.ListActiveAsync(cancellationToken);
        UnitNames = await names.AllAsync(DisplayNameKinds.Unit, cancellationToken);
        return true;
    }
}
