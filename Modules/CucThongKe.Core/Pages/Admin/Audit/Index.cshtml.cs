using CucThongKe.Core.Auditing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Core.Pages.Admin.Audit;

/// <summary>The admin-audit log, newest first: read-only (the page has no form; the log refuses changes anyway).</summary>
[Authorize(Policy = "ViewAdminAudit")]
public sealed class IndexModel(AdminAuditLog log) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<AdminAuditEntry> Entries { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public async Task OnGetAsync(int trang = 1, CancellationToken cancellationToken = default)
    {
        PageNumber = Math.Clamp(trang, 1, 100_000);
        (Entries, HasMore) = await log.PageAsync(PageNumber, PageSize, cancellationToken);
    }
}
