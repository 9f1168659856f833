using CucThongKe.Core.Security;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Users.Pages.Admin.Roles;

/// <summary>The roles × permissions matrix; permissions come from the modules.</summary>
[Authorize(Policy = "ManageRoles")]
public sealed class IndexModel(RolePermissions rolePermissions) : PageModel
{
    public string? ErrorMessage { get; private set; }

    public IReadOnlyList<CmsRole> Roles { get; private set; } = [];

    public IReadOnlyList<Permission> Permissions { get; private set; } = [];

    public HashSet<(string RoleId, string Permission)> Grants { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string[]? grants)
    {
        var matrix = await LoadAsync();
        var wanted = rolePermissions.ParseGrants(grants ?? [], matrix);
        if (wanted is null)
        {
            return BadRequest("Quyền hoặc vai trò không tồn tại.");
        }

        var selfGrant = await rolePermissions.SelfGrantAsync(User, wanted, matrix);
        if (selfGrant.Role is not null)
        {
            ErrorMessage = $"Bạn không được cấp quyền '{selfGrant.Permission}' cho vai trò '{selfGrant.Role}' mà chính bạn đang giữ; hãy nhờ một quản trị viên khác. Không có thay đổi nào được lưu.";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        await rolePermissions.SaveAsync(wanted, matrix);
        TempData["Message"] = "Đã lưu quyền. Người dùng nhận quyền mới ở lần đăng nhập tới.";
        return RedirectToPage();
    }

    private async Task<PermissionMatrix> LoadAsync()
    {
        var matrix = await rolePermissions.MatrixAsync();
        (Roles, Permissions, Grants) = (matrix.Roles, matrix.Permissions, matrix.Grants);
        return matrix;
    }
}
