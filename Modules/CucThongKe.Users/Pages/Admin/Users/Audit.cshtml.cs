using CucThongKe.Users.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Users.Pages.Admin.Users;

/// <summary>The latest sign-in attempts: who, when, from where, and how it ended.</summary>
[Authorize(Policy = "ManageUsers")]
public sealed class AuditModel(SignInAuditor auditor) : PageModel
{
    public IReadOnlyList<SignInAuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync() => Entries = await auditor.LatestAsync(200);
}
