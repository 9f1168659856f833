using CucThongKe.Office.Incidents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Office.Pages.Admin;

/// <summary>The site's state in detail, for the technical staff only (the public <c>/health</c> stays one word).</summary>
[Authorize(Policy = "ManageIncidents")]
public sealed class HealthModel(SiteHealth health) : PageModel
{
    public SiteHealthReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Report = await health.CheckAsync(cancellationToken);
}
