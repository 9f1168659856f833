using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Security;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Pages.Admin.Users;

/// <summary>Creates or edits an account: unit, roles, password reset by an administrator, unlock, two-factor reset.</summary>
[Authorize(Policy = "ManageUsers")]
public sealed class EditModel(UserManager<CmsUser> users, CmsDbContext db, AdminAuditLog audit, TimeProvider clock, SignInRevocation revocation) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public bool IsNew { get; private set; } = true;

    public bool Locked { get; private set; }

    public bool TwoFactorEnabled { get; private set; }

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public IReadOnlyList<CmsRole> Roles { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        if (id is not null)
        {
            var user = await users.FindByIdAsync(id);
            if (user is null)
            {
                return NotFound();
            }

            Show(user);
            Input = new UserInput
            {
                UserName = user.UserName ?? "",
                DisplayName = user.DisplayName,
                Position = user.Position,
                Email = user.Email,
                UnitId = user.UnitId,
                Roles = [.. await users.GetRolesAsync(user)],
            };
        }

        await LoadListsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? id)
    {
        await LoadListsAsync();
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (id is not null && user is null)
        {
            return NotFound();
        }

        Input.Roles = [.. Input.Roles.Distinct()];
        if (Units.All(u => u.Id != Input.UnitId))
        {
            Errors.Add("Hãy chọn một đơn vị có trong danh sách.");
        }

        if (Input.Roles.Any(r => Roles.All(x => x.Name != r)))
        {
            Errors.Add("Có vai trò không tồn tại.");
        }

        // Only an administrator makes administrators: managing accounts is not a way to raise one's own rights.
        var current = user is null ? [] : await users.GetRolesAsync(user);
        if (!User.IsInRole(CmsClaims.AdministratorRole) && Input.Roles.Contains(CmsClaims.AdministratorRole) != current.Contains(CmsClaims.AdministratorRole))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        // Nobody changes their own roles (a role of the approval chain, one carrying emergency publication...): a second
        // administrator must, and the change is recorded.
        var rolesChange = !current.ToHashSet(StringComparer.Ordinal).SetEquals(Input.Roles);
        if (user is not null && rolesChange && user.Id == users.GetUserId(User))
        {
            Errors.Add("Bạn không được tự đổi vai trò của chính mình; hãy nhờ một quản trị viên khác. Không có thay đổi nào được lưu.");
            Show(user);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        if (user is null && string.IsNullOrEmpty(Input.Password))
        {
            Errors.Add("Tài khoản mới cần mật khẩu.");
        }

        if (!ModelState.IsValid)
        {
            Errors.AddRange(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        }

        if (Errors.Count > 0)
        {
            return Invalid(user);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var isNew = user is null;
        user ??= new CmsUser { UserName = Input.UserName.Trim(), CreatedUtc = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true };
        user.DisplayName = Input.DisplayName?.Trim();
        user.Position = Input.Position?.Trim();
        user.Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        user.UnitId = Input.UnitId;

        var result = isNew ? await users.CreateAsync(user, Input.Password!) : await users.UpdateAsync(user);
        if (result.Succeeded && !isNew && !string.IsNullOrEmpty(Input.Password))
        {
            // An administrator's reset: the old password is not needed, the new one must meet the policy.
            var token = await users.GeneratePasswordResetTokenAsync(user);
            result = await users.ResetPasswordAsync(user, token, Input.Password);
            if (result.Succeeded)
            {
                // The old password's sessions and API tokens end with it.
                await revocation.RevokeAllAsync(user, HttpContext.RequestAborted);
            }
        }

        if (result.Succeeded)
        {
            result = await users.RemoveFromRolesAsync(user, current.Except(Input.Roles));
        }

        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, Input.Roles.Except(current));
        }

        if (result.Succeeded && !isNew && !current.ToHashSet().SetEquals(Input.Roles))
        {
            // Open sessions carry the old roles: the user signs in again.
            await revocation.EndSessionsAsync(user);
        }

        if (!result.Succeeded)
        {
            await transaction.RollbackAsync();
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Invalid(isNew ? null : user);
        }

        if (rolesChange)
        {
            var before = string.Join(", ", current.Order(StringComparer.Ordinal));
            var after = string.Join(", ", Input.Roles.Order(StringComparer.Ordinal));
            await audit.RecordAsync(AdminAuditActions.UserRoles, user.UserName!,
                $"Vai trò của tài khoản {user.UserName}: [{before}] → [{after}].", isNew ? null : before, after);
        }

        await transaction.CommitAsync();
        TempData["Message"] = $"Đã lưu tài khoản {user.UserName}.";
        return Redirect($"/admin/users/edit/{user.Id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string? id)
    {
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Message"] = $"Đã mở khoá tài khoản {user.UserName}.";
        return Redirect($"/admin/users/edit/{user.Id}");
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string? id)
    {
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        // Whoever holds the old authenticator (or a session or token opened with it) is out.
        await revocation.RevokeAllAsync(user, HttpContext.RequestAborted);
        TempData["Message"] = $"Đã đặt lại xác thực hai bước của {user.UserName}; lần đăng nhập tới họ cài đặt lại.";
        return Redirect($"/admin/users/edit/{user.Id}");
    }

    private PageResult Invalid(CmsUser? user)
    {
        if (user is not null)
        {
            Show(user);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void Show(CmsUser user)
    {
        IsNew = false;
        Locked = user.LockoutEnd > clock.GetUtcNow();
        TwoFactorEnabled = user.TwoFactorEnabled;
    }

    private async Task LoadListsAsync()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Units = await db.Set<Unit>().AsNoTracking().Where(u => u.EffectiveTo == null || u.EffectiveTo >= today).OrderBy(u => u.Order).ToListAsync();
        Roles = await db.Set<CmsRole>().AsNoTracking().OrderBy(r => r.Name).ToListAsync();
    }

    public sealed class UserInput
    {
        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Hãy nhập tên đăng nhập.")]
        [System.ComponentModel.DataAnnotations.StringLength(100, ErrorMessage = "Tên đăng nhập dài tối đa 100 ký tự.")]
        public string UserName { get; set; } = "";

        [System.ComponentModel.DataAnnotations.StringLength(200)]
        public string? DisplayName { get; set; }

        [System.ComponentModel.DataAnnotations.StringLength(200)]
        public string? Position { get; set; }

        [System.ComponentModel.DataAnnotations.EmailAddress(ErrorMessage = "Email không hợp lệ.")]
        [System.ComponentModel.DataAnnotations.StringLength(256)]
        public string? Email { get; set; }

        public string? UnitId { get; set; }

        public List<string> Roles { get; set; } = [];

        [System.ComponentModel.DataAnnotations.StringLength(256)]
        public string? Password { get; set; }
    }
}
