using CucThongKe.Core.Cluster;
using CucThongKe.Core.Data;
using CucThongKe.Core.Mail;
using CucThongKe.Core.Settings;
using CucThongKe.Users.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CucThongKe.Workflows.Notifications;

/// <summary>Sends each back-office notification by email (MailKit over SMTP) to users who have an address; after the step's transaction, never inside it.</summary>
/// <remarks>Woken by <see cref="NotificationSignal"/> when a step that wrote notifications commits on this node; polls for the rest.
/// With several nodes, only the holder of the <see cref="LeaseName"/> lease sends (each mail once).</remarks>
internal sealed class NotificationMailer(IServiceScopeFactory scopes, IOptionsMonitor<MailOptions> options, ICmsMailSender sender, NotificationSignal signal, BackgroundLeases leases, TimeProvider clock, ILogger<NotificationMailer> logger) : BackgroundService
{
    public const string LeaseName = "notification-mail";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.PollSeconds)), stoppingToken);
                if (sender.IsConfigured && await leases.HoldAsync(LeaseName, stoppingToken))
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
        if (!sender.IsConfigured)
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

        // From the configured public address only (a background service has no request; never guess a host). Without
        // one the mail names the path, which the reader opens on the site they know.
        var site = await scope.ServiceProvider.GetRequiredService<SettingsStore>().GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        var inbox = PublicAddress.Of(site) + "/admin/quy-trinh";

        // By reference: two identical messages to one person are still two notifications to mark as emailed.
        var mails = new Dictionary<CmsMail, WorkflowNotification>(ReferenceEqualityComparer.Instance);
        foreach (var row in pending)
        {
            var message = row.Notification.Message;
            mails[new CmsMail(
                row.Email!,
                row.DisplayName ?? row.Notification.UserName,
                "[Trang TTĐT] " + (message.Length > 120 ? message[..119] + "…" : message),
                message + "\n\nXem trong trang quản trị: " + inbox)] = row.Notification;
        }

        await sender.SendAsync([.. mails.Keys], async mail =>
        {
            mails[mail].EmailedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return pending.Count;
    }
}
