using CucThongKe.Office.Royalties;
using CucThongKe.TextEncoding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Office.Pages.Admin.Royalties;

/// <summary>Adds or edits one rate; a refused input keeps the form filled with a 400 and stores nothing.</summary>
[Authorize(Policy = "ManageRoyaltyRates")]
public sealed class RateEditModel(RoyaltyRates rates) : PageModel
{
    [BindProperty]
    public RoyaltyRateInput Input { get; set; } = new();

    /// <summary>The points as typed: read by <see cref="VietnameseNumber"/>, never by the request's culture (<c>2,5</c> and <c>2.5</c> are both 2.5).</summary>
    [BindProperty(Name = "Input.Points")]
    public string? Points { get; set; }

    /// <summary>The amount in đồng as typed (<c>150.000</c>).</summary>
    [BindProperty(Name = "Input.Amount")]
    public string? Amount { get; set; }

    public bool IsNew { get; private set; } = true;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        if (id is { } rateId)
        {
            if (await rates.FindAsync(rateId, cancellationToken) is not { } rate)
            {
                return NotFound();
            }

            Input = RoyaltyRateInput.From(rate);
            (Points, Amount) = ((rate.Points is { } p ? VietnameseNumber.Format(p, "0.##") : null), rate.Amount is { } dong ? RoyaltyMoney.Number(dong) : null);
            IsNew = false;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken cancellationToken)
    {
        IsNew = id is null;
        if (id is { } rateId && await rates.FindAsync(rateId, cancellationToken) is null)
        {
            return NotFound();
        }

        // The address names the rate; a posted id cannot move the edit to another one.
        Input.Id = id;
        if (!VietnameseNumber.TryParsePoints(Points, out var points) || !VietnameseNumber.TryParseDong(Amount, out var amount))
        {
            return Invalid("Số điểm ghi dạng 2,5 hoặc 1.234,5; số tiền là số nguyên đồng, ví dụ 150000 hoặc 150.000.");
        }

        (Input.Points, Input.Amount) = (points, amount);
        if (!ModelState.IsValid)
        {
            return Invalid("Dữ liệu nhập không hợp lệ: điểm, số tiền và ngày phải đúng định dạng.");
        }

        try
        {
            var saved = await rates.SaveAsync(Input, User.Identity!.Name!, cancellationToken);
            TempData["Message"] = $"Đã lưu mức nhuận bút: {saved.Describe()}.";
            return Redirect("/admin/nhuan-but/muc");
        }
        catch (RoyaltyInputException ex)
        {
            return Invalid(ex.Message);
        }
    }

    private PageResult Invalid(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
