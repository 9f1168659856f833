using System.Text;
using CucThongKe.Core.Data;
using CucThongKe.Core.Mail;
using CucThongKe.Core.Settings;
using CucThongKe.Users.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Users.Security;

/// <summary>Password reset by email: a one-use, time-limited Identity token sent as a link to the account's address.</summary>
public sealed class PasswordResetMailer(
    CmsDbContext db,
    UserManager<CmsUser> users,
    ICmsMailSender mail,
    SettingsStore settings,
    SignInAuditor audit,
    ILogger<PasswordResetMailer> logger)
{
    /// <summary>How long a reset link works (Identity's token lifespan, set in <see cref="UsersModule"/>).</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(1);

    /// <summary>Sends a reset link to every account with this address; says nothing about whether there was one.</summary>
    /// <remarks>The mail leaves in the background so that the answer takes as long for an unknown address as for a known one.</remarks>
    public async Task RequestAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeEmail(email.Trim());
        var accounts = await db.Set<CmsUser>().Where(u => u.NormalizedEmail == normalized).ToListAsync(cancellationToken);
        if (accounts.Count == 0)
        {
            await audit.RecordAsync(email.Trim(), succeeded: false, "ResetUnknownEmail");
            return;
        }

        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        if (PublicAddress.Of(site) is not { } baseUrl)
        {
            // Never the request's Host header: a forged one would carry a valid token to another site. No address, no mail.
            logger.LogWarning("{Warning}", PublicAddress.MissingWarning);
            await audit.RecordAsync(email.Trim(), succeeded: false, "ResetNoPublicAddress");
            return;
        }

        var mails = new List<CmsMail>();
        foreach (var user in accounts)
        {
            var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = $"{baseUrl}/dat-lai-mat-khau?u={Uri.EscapeDataString(user.Id)}&t={token}";
            mails.Add(new CmsMail(user.Email!, user.DisplayName ?? user.UserName, $"[{site.SiteName}] Đặt lại mật khẩu", $"""
                Xin chào {user.DisplayName ?? user.UserName},

                Có yêu cầu đặt lại mật khẩu cho tài khoản "{user.UserName}" trên {site.SiteName}.
                Để đặt mật khẩu mới, mở liên kết sau (có hiệu lực {LinkLifetime.TotalMinutes:0} phút, dùng được một lần):

                {link}

                Nếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.
                """));
            await audit.RecordAsync(user.UserName!, succeeded: false, "ResetRequested");
        }

        if (!mail.IsConfigured)
        {
            logger.LogWarning("A password reset was asked for but Cms:Mail:Host is not set: no email was sent.");
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await mail.SendAsync(mails, cancellationToken: CancellationToken.None);
            }
#pragma warning disable CA1031 // The request has been answered; a mail server failure can only be logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Không gửi được thư đặt lại mật khẩu.");
            }
        }, CancellationToken.None);
    }
}
