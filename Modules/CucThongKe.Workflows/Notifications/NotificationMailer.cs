using CucThongKe.Core.Data;
using CucThongKe.Users.Identity;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CucThongKe.Workflows.Notifications;

/// <summary>Sends each back-office notification by email (MailKit over SMTP) to users who have an address; after the step's transaction, never inside it.</summary>
internal sealed class NotificationMailer(IServiceScopeFactory scopes, IOptionsMonitor<MailOptions> options, TimeProvider clock, ILogger<NotificationMailer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.PollSeconds)), stoppingToken);
                if (!string.IsNullOrWhiteSpace(options.CurrentValue.Host))
                {
                    await SendPendingAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // An unreachable mail server must not stop the mailer for good; the mails stay pending.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Không gửi được email thông báo; sẽ thử lại.");
            }
        }
    }

    internal async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var pending = await (
            from n in db.Set<WorkflowNotification>()
            join u in db.Set<CmsUser>() on n.UserName equals u.UserName
            where n.EmailedUtc == null && u.Email != null
            orderby n.Id
            select new { Notification = n, u.Email, u.DisplayName }).Take(50).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        using var smtp = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(settings.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await smtp.ConnectAsync(settings.Host, settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        foreach (var row in pending)
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(settings.From));
            message.To.Add(new MailboxAddress(row.DisplayName ?? row.Notification.UserName, row.Email));
            message.Subject = "[Trang TTĐT] " + (row.Notification.Message.Length > 120 ? row.Notification.Message[..119] + "…" : row.Notification.Message);
            message.Body = new TextPart("plain") { Text = row.Notification.Message + "\n\nXem trong trang quản trị: /admin/quy-trinh" };
            await smtp.SendAsync(message, cancellationToken);
            row.Notification.EmailedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        await smtp.DisconnectAsync(quit: true, cancellationToken);
        return pending.Count;
    }
}
