using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Core.Pages.Admin.Audit;

/// <summary>The admin-audit log, newest first: read-only (the page has no form; the log refuses changes anyway).</summary>
[Authorize(Policy = "ViewAdminAudit")]
public sealed class IndexModel(CmsDbContext db) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<AdminAuditEntry> Entries { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public async Task OnGetAsync(int trang = 1, CancellationToken cancellationToken = default)
    {
        PageNumber = Math.Clamp(trang, 1, 100_000);
        var rows = await db.Set<AdminAuditEntry>().AsNoTracking().OrderByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Entries = [.. rows.Take(PageSize)];
    }
}
