using CucThongKe.Office.Royalties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Office.Pages.Admin.Royalties;

/// <summary>The rate table and the record of its changes (who, when, before, after).</summary>
[Authorize(Policy = "ManageRoyaltyRates")]
public sealed class RatesModel(RoyaltyRates rates) : PageModel
{
    public IReadOnlyList<RoyaltyRate> Rates { get; private set; } = [];

    public IReadOnlyList<RoyaltyRateChange> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rates = await rates.ListAsync(cancellationToken);
        Changes = await rates.ChangesAsync(cancellationToken);
    }
}
