using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Users.Pages.Admin.Users;

/// <summary>Every account, with its unit, roles, two-factor state and lockout.</summary>
[Authorize(Policy = "ManageUsers")]
public sealed class IndexModel(UserAdministration accounts) : PageModel
{
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await accounts.ListAsync(cancellationToken);
}
