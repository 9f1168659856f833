using CucThongKe.Office.Royalties;
using CucThongKe.TextEncoding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Office.Pages.Admin.Royalties;

/// <summary>The accountant changes one entry's amount with a reason; the entry's history of changes is shown beneath.</summary>
[Authorize(Policy = "ManageRoyalties")]
public sealed class AdjustModel(RoyaltyLedger ledger) : PageModel
{
    public RoyaltyEntry Entry { get; private set; } = null!;

    public IReadOnlyList<RoyaltyAdjustment> Adjustments { get; private set; } = [];

    public RoyaltyPeriod? Closed { get; private set; }

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Amount = Entry.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // Vietnamese writes 1.250.000; spaces and dots between thousands are dropped.
        if (!VietnameseNumber.TryParseDong(Amount, out var parsed) || parsed is not { } amount)
        {
            return Refused(StatusCodes.Status400BadRequest, "Số tiền phải là một số nguyên đồng, ví dụ 250000 hoặc 250.000.");
        }

        try
        {
            await ledger.AdjustAsync(id, amount, Reason, User.Identity!.Name!, cancellationToken);
            TempData["Message"] = $"Đã điều chỉnh dòng nhuận bút của {Entry.PersonName}: {RoyaltyMoney.Format(amount)}.";
            return Redirect($"/admin/nhuan-but?ky={Entry.Period}");
        }
        catch (RoyaltyInputException ex)
        {
            return Refused(StatusCodes.Status400BadRequest, ex.Message);
        }
        catch (RoyaltyPeriodClosedException ex)
        {
            return Refused(StatusCodes.Status409Conflict, ex.Message);
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await ledger.FindAsync(id, cancellationToken) is not { } entry)
        {
            return false;
        }

        Entry = entry;
        Adjustments = await ledger.AdjustmentsAsync(id, cancellationToken);
        Closed = await ledger.ClosedAsync(entry.Period, cancellationToken);
        return true;
    }

    private PageResult Refused(int status, string message)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }
}
