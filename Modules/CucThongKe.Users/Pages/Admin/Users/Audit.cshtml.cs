using CucThongKe.Core.Data;
using CucThongKe.Users.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Pages.Admin.Users;

/// <summary>The latest sign-in attempts: who, when, from where, and how it ended.</summary>
[Authorize(Policy = "ManageUsers")]
public sealed class AuditModel(CmsDbContext db) : PageModel
{
    public IReadOnlyList<SignInAuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync() =>
        Entries = await db.Set<SignInAuditEntry>().AsNoTracking().OrderByDescending(e => e.Id).Take(200).ToListAsync();
}
