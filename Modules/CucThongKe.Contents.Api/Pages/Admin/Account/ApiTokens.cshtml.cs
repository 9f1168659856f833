using System.ComponentModel.DataAnnotations;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Contents.Api.Pages.Admin.Account;

/// <summary>The signed-in user's API tokens: make a named one (shown once), see them all, revoke one.</summary>
public sealed class ApiTokensModel(ApiTokens tokens, UserManager<CmsUser> users, TimeProvider clock) : PageModel
{
    /// <summary>The lifetimes offered, in days.</summary>
    public static readonly int[] LifetimeDays = [30, 90, 365];

    [BindProperty]
    [Display(Name = "Tên mã")]
    public string? Name { get; set; }

    [BindProperty]
    public int Days { get; set; } = 90;

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The token just made: shown on this answer only.</summary>
    public string? NewToken { get; private set; }

    public string? Error { get; private set; }

    public DateTime NowUtc { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var name = Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > ApiTokens.MaxNameLength)
        {
            Error = $"Đặt tên cho mã (1 đến {ApiTokens.MaxNameLength} ký tự), ví dụ tên chương trình sẽ dùng nó.";
        }
        else if (!LifetimeDays.Contains(Days))
        {
            Error = "Chọn thời hạn trong danh sách.";
        }

        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        (NewToken, _) = await tokens.IssueAsync(UserId, name, TimeSpan.FromDays(Days), cancellationToken);
        Name = null;
        // The token is in this answer only: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken cancellationToken)
    {
        if (!await tokens.RevokeAsync(UserId, id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Message"] = "Đã thu hồi mã truy cập; chương trình dùng mã này không còn truy cập được.";
        return RedirectToPage();
    }

    private string UserId => users.GetUserId(User)!;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Tokens = await tokens.ListAsync(UserId, cancellationToken);
        NowUtc = clock.GetUtcNow().UtcDateTime;
    }
}
