using CucThongKe.Users.Identity;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Users.Pages.Admin.Users;

/// <summary>Creates or edits an account: unit, roles, password reset by an administrator, unlock, two-factor reset.</summary>
[Authorize(Policy = "ManageUsers")]
public sealed class EditModel(UserAdministration accounts) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public bool IsNew { get; private set; } = true;

    public bool Locked { get; private set; }

    public bool Deactivated { get; private set; }

    public bool TwoFactorEnabled { get; private set; }

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public IReadOnlyList<CmsRole> Roles { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        if (id is not null)
        {
            var user = await accounts.FindAsync(id);
            if (user is null)
            {
                return NotFound();
            }

            Show(user);
            Input = await accounts.InputOfAsync(user);
        }

        await LoadListsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? id)
    {
        var choices = await LoadListsAsync();
        var user = await accounts.FindAsync(id);
        if (id is not null && user is null)
        {
            return NotFound();
        }

        var formErrors = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage);
        var saved = await accounts.SaveAsync(user, Input, User, choices, formErrors, HttpContext.RequestAborted);
        Errors.AddRange(saved.Errors);
        switch (saved.Status)
        {
            case AccountSaveStatus.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case AccountSaveStatus.OwnRoles:
                Show(saved.User!);
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            case AccountSaveStatus.Invalid:
                if (saved.User is not null)
                {
                    Show(saved.User);
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            default:
                TempData["Message"] = $"Đã lưu tài khoản {saved.User!.UserName}.";
                return Redirect($"/admin/users/edit/{saved.User.Id}");
        }
    }

    public async Task<IActionResult> OnPostUnlockAsync(string? id)
    {
        var user = await accounts.FindAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await accounts.UnlockAsync(user);
        TempData["Message"] = $"Đã mở khoá tài khoản {user.UserName}.";
        return Redirect($"/admin/users/edit/{user.Id}");
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string? id)
    {
        var user = await accounts.FindAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await accounts.ResetTwoFactorAsync(user, HttpContext.RequestAborted);
        TempData["Message"] = $"Đã đặt lại xác thực hai bước của {user.UserName}; lần đăng nhập tới họ cài đặt lại.";
        return Redirect($"/admin/users/edit/{user.Id}");
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string? id)
    {
        var user = await accounts.FindAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (!await accounts.DeactivateAsync(user, User, HttpContext.RequestAborted))
        {
            Show(user);
            Input = await accounts.InputOfAsync(user);
            await LoadListsAsync();
            Errors.Add("Không tự ngừng hoạt động tài khoản của chính mình được.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Message"] = $"Đã ngừng hoạt động tài khoản {user.UserName}: các phiên và mã truy cập của họ đã kết thúc.";
        return Redirect($"/admin/users/edit/{user.Id}");
    }

    public async Task<IActionResult> OnPostReactivateAsync(string? id)
    {
        var user = await accounts.FindAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        await accounts.ReactivateAsync(user, HttpContext.RequestAborted);
        TempData["Message"] = $"Tài khoản {user.UserName} đã hoạt động trở lại.";
        return Redirect($"/admin/users/edit/{user.Id}");
    }

    private void Show(CmsUser user)
    {
        IsNew = false;
        Locked = accounts.IsLocked(user);
        Deactivated = user.DeactivatedUtc is not null;
        TwoFactorEnabled = user.TwoFactorEnabled;
    }

    private async Task<AccountChoices> LoadListsAsync()
    {
        var choices = await accounts.ChoicesAsync();
        (Units, Roles) = (choices.Units, choices.Roles);
        return choices;
    }
}
