using System.ComponentModel.DataAnnotations;
using CucThongKe.Users.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CucThongKe.Users.Pages.Account;

/// <summary>Asks for an email and sends a reset link; the answer is the same whether or not the address belongs to an account.</summary>
[AllowAnonymous]
[EnableRateLimiting(UsersModule.PasswordResetRateLimit)]
public sealed class ForgotPasswordModel(PasswordResetMailer resets) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Hãy nhập địa chỉ email.")]
    [EmailAddress(ErrorMessage = "Địa chỉ email không hợp lệ.")]
    [StringLength(256)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await resets.RequestAsync(Email, cancellationToken);
        Sent = true;
        return Page();
    }
}
