using System.Globalization;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Security;
using CucThongKe.Office.Royalties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CucThongKe.Office.Pages.Admin.Royalties;

/// <summary>The royalty ledger, filtered and paged: a person reads their own entries; the accountant reviews, adjusts and closes a month.</summary>
[Authorize(Policy = "AccessAdmin")]
public sealed class IndexModel(RoyaltyLedger ledger, IUnitDirectory units, TimeProvider clock, DisplayNames names) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<RoyaltyEntry> Rows { get; private set; } = [];

    public int Count { get; private set; }

    public long Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public string? Period { get; private set; }

    public string? Person { get; private set; }

    public string? UnitId { get; private set; }

    public RoyaltyEntryStatus? Status { get; private set; }

    /// <summary>The account whose entries the user reads; null: everyone's.</summary>
    public string? OwnAccount { get; private set; }

    public bool CanManage { get; private set; }

    /// <summary>The filtered month's lock, when it is closed.</summary>
    public RoyaltyPeriod? Closed { get; private set; }

    public IReadOnlyList<RoyaltyPeriod> ClosedPeriods { get; private set; } = [];

    /// <summary>The month before the current one: the one the accountant closes.</summary>
    public string LastMonth { get; private set; } = "";

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    /// <summary>Every unit's name by id, retired ones too (old rows name them); <see cref="Units"/> are those to choose from.</summary>
    private IReadOnlyDictionary<string, string> UnitNames { get; set; } = new Dictionary<string, string>();

    public string? Error { get; private set; }

    public bool HasMore => PageNumber * PageSize < Count;

    public string UnitName(RoyaltyEntry entry) => entry.UnitId is { } id
        ? UnitNames.GetValueOrDefault(id, id)
        : entry.ExternalUnit is { } external ? external + " (cộng tác viên)" : "";

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "ky")] string? period, [FromQuery(Name = "nguoi")] string? person, [FromQuery(Name = "donvi")] string? unit,
        [FromQuery(Name = "trangthai")] string? status, int trang = 1, CancellationToken cancellationToken = default)
    {
        if (!Prepare())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Period = string.IsNullOrWhiteSpace(period) ? null : period.Trim();
        Person = string.IsNullOrWhiteSpace(person) ? null : person.Trim();
        UnitId = string.IsNullOrWhiteSpace(unit) ? null : unit;
        PageNumber = Math.Clamp(trang, 1, 100_000);
        await LoadListsAsync(cancellationToken);
        if (status is { Length: > 0 })
        {
            if (!Enum.TryParse<RoyaltyEntryStatus>(status, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Invalid("Trạng thái không hợp lệ.");
            }

            Status = parsed;
        }

        if (Period is not null && !RoyaltyLedger.IsPeriod(Period))
        {
            return Invalid("Kỳ phải là một tháng, dạng 2026-11.");
        }

        if (Person is { Length: > 200 })
        {
            return Invalid("Tên người tìm tối đa 200 ký tự.");
        }

        (Rows, Count, Total) = await ledger.PageAsync(new RoyaltyFilter(Period, Person, UnitId, Status), OwnAccount, PageNumber, PageSize, cancellationToken);
        Closed = Period is null ? null : await ledger.ClosedAsync(Period, cancellationToken);
        return Page();
    }

    /// <summary>Marks the chosen draft entries reviewed (the accountant).</summary>
    public async Task<IActionResult> OnPostReviewAsync([FromForm(Name = "ids")] long[] ids, [FromForm(Name = "ky")] string? period, CancellationToken cancellationToken)
    {
        if (!Prepare() || !CanManage)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            var marked = await ledger.ReviewAsync(ids, User.Identity!.Name!, cancellationToken);
            TempData["Message"] = $"Đã duyệt {marked} dòng nhuận bút.";
            return Redirect(RoyaltyLedger.IsPeriod(period) ? $"/admin/nhuan-but?ky={period}" : "/admin/nhuan-but");
        }
        catch (RoyaltyInputException ex)
        {
            return await RefusedAsync(StatusCodes.Status400BadRequest, ex.Message, cancellationToken);
        }
        catch (RoyaltyPeriodClosedException ex)
        {
            return await RefusedAsync(StatusCodes.Status409Conflict, ex.Message, cancellationToken);
        }
    }

    /// <summary>Closes a month (the accountant): from then on nothing in it changes.</summary>
    public async Task<IActionResult> OnPostCloseAsync([FromForm(Name = "ky")] string? period, CancellationToken cancellationToken)
    {
        if (!Prepare() || !CanManage)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            var closed = await ledger.CloseAsync(period?.Trim(), User.Identity!.Name!, cancellationToken);
            TempData["Message"] = $"Đã khóa sổ nhuận bút {RoyaltyLedger.PeriodName(closed.Period)}: {closed.EntryCount} dòng, {RoyaltyMoney.Format(closed.Total)}.";
            return Redirect($"/admin/nhuan-but?ky={closed.Period}");
        }
        catch (RoyaltyInputException ex)
        {
            return await RefusedAsync(StatusCodes.Status400BadRequest, ex.Message, cancellationToken);
        }
        catch (RoyaltyPeriodClosedException ex)
        {
            return await RefusedAsync(StatusCodes.Status409Conflict, ex.Message, cancellationToken);
        }
    }

    public string PageUrl(int page) => QueryHelpers.AddQueryString("/admin/nhuan-but", new Dictionary<string, string?>
    {
        ["ky"] = Period, ["nguoi"] = Person, ["donvi"] = UnitId, ["trangthai"] = Status?.ToString(), ["trang"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null));

    private bool Prepare()
    {
        try
        {
            OwnAccount = RoyaltyLedger.VisiblePerson(User);
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        CanManage = User.HasPermission(OfficePermissions.ManageRoyalties.Name);
        LastMonth = DateOnly.FromDateTime(Core.Data.VietnamTime.FromUtc(clock.GetUtcNow().UtcDateTime)).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return true;
    }

    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        Units = await units.ListActiveAsync(cancellationToken);
        UnitNames = await names.AllAsync(DisplayNameKinds.Unit, cancellationToken);
        ClosedPeriods = await ledger.ClosedPeriodsAsync(cancellationToken);
    }

    private async Task<PageResult> RefusedAsync(int status, string message, CancellationToken cancellationToken)
    {
        await LoadListsAsync(cancellationToken);
        (Rows, Count, Total) = await ledger.PageAsync(new RoyaltyFilter(Status: RoyaltyEntryStatus.Draft), OwnAccount, 1, PageSize, cancellationToken);
        Status = RoyaltyEntryStatus.Draft;
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    private PageResult Invalid(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
