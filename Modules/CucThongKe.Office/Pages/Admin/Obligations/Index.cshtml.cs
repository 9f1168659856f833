using CucThongKe.Core.Admin;
using CucThongKe.Core.Security;
using CucThongKe.Office.Obligations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CucThongKe.Office.Pages.Admin.Obligations;

/// <summary>The obligations' entries, filtered by unit, period and state, paged: a unit sees its own, the board and the director every unit's.</summary>
[Authorize(Policy = "AccessAdmin")]
public sealed class IndexModel(ObligationQueries queries, IUnitDirectory units, DisplayNames names) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<EntryRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public string? UnitId { get; private set; }

    public string? Period { get; private set; }

    public ObligationEntryState? State { get; private set; }

    /// <summary>Null: the user sees every unit and may choose one.</summary>
    public string? OwnUnit { get; private set; }

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    /// <summary>Every unit's name by id, retired ones too (old rows name them); <see cref="Units"/> are those to choose from.</summary>
    private IReadOnlyDictionary<string, string> UnitNames { get; set; } = new Dictionary<string, string>();

    public string? Error { get; private set; }

    public bool HasMore => PageNumber * PageSize < Total;

    public string UnitName(string id) => UnitNames.GetValueOrDefault(id, id);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "donvi")] string? unit, [FromQuery(Name = "ky")] string? period, [FromQuery(Name = "trangthai")] string? state, int trang = 1, CancellationToken cancellationToken = default)
    {
        try
        {
            OwnUnit = ObligationQueries.VisibleUnit(User);
        }
        catch (UnauthorizedAccessException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        // A unit asking for another unit's entries is refused, not shown its own silently.
        if (OwnUnit is not null && unit is not null && unit != OwnUnit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Units = await units.ListActiveAsync(cancellationToken);
        UnitNames = await names.AllAsync(DisplayNameKinds.Unit, cancellationToken);
        UnitId = string.IsNullOrWhiteSpace(unit) ? null : unit;
        Period = string.IsNullOrWhiteSpace(period) ? null : period.Trim();
        PageNumber = Math.Clamp(trang, 1, 100_000);
        if (state is { Length: > 0 })
        {
            if (!Enum.TryParse<ObligationEntryState>(state, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Invalid("Trạng thái không hợp lệ.");
            }

            State = parsed;
        }

        if (!ObligationQueries.IsValidPeriod(Period))
        {
            return Invalid("Kỳ phải có dạng 2026, 2026-11, 2026-Q4 hoặc 2026-H2.");
        }

        (Rows, Total) = await queries.PageAsync(new EntryFilter(UnitId, Period, State), OwnUnit, PageNumber, PageSize, cancellationToken);
        return Page();
    }

    public string PageUrl(int page) => QueryHelpers.AddQueryString("/admin/nghia-vu-bao-cao", new Dictionary<string, string?>
    {
        ["donvi"] = UnitId, ["ky"] = Period, ["trangthai"] = State?.ToString(), ["trang"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null));

    private PageResult Invalid(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
