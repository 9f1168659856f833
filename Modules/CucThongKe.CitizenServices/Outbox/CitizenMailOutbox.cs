using CucThongKe.Core.Cluster;
using CucThongKe.Core.Data;
using CucThongKe.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CucThongKe.CitizenServices.Outbox;

/// <summary>Raised after a commit that queued citizen mail, so that it leaves at once rather than at the next poll.</summary>
public sealed class CitizenMailSignal : WakeUpSignal;

/// <summary>Queues a mail as a row of the caller's transaction: it leaves after the commit, never when the change rolls back.</summary>
/// <remarks>Bounded: past <see cref="CitizenServicesOptions.MailMaxQueued"/> unsent mails (a mail server down for days, a flood
/// of forms) a new mail is dropped, with a warning and an incident line in the log, and the change that caused it still saves:
/// a citizen's question must not be lost because its notice cannot be queued.</remarks>
public sealed partial class CitizenMailOutbox(CmsDbContext db, UnitOfWork unitOfWork, CitizenMailSignal signal, TimeProvider clock, IOptionsMonitor<CitizenServicesOptions> options, ILogger<CitizenMailOutbox> logger)
{
    /// <summary>Adds the mail (saved with the caller's changes; the caller saves); false when the queue is full and the mail was dropped.</summary>
    public async Task<bool> EnqueueAsync(CmsMail mail, CancellationToken cancellationToken)
    {
        // Unsent: waiting or being retried (given-up mail is kept for the operator, apart); those added in this scope count too.
        var max = Math.Max(1, options.CurrentValue.MailMaxQueued);
        var adding = db.ChangeTracker.Entries<CitizenMail>().Count(e => e.State == EntityState.Added);
        var queued = adding + await db.Set<CitizenMail>().Where(m => m.GaveUpUtc == null).Take(max).CountAsync(cancellationToken);
        if (queued >= max)
        {
            LogDropped(logger, mail.Subject, max);
            LogIncident(logger, max);
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new CitizenMail
        {
            ToAddress = mail.ToAddress,
            ToName = mail.ToName,
            Subject = mail.Subject.Length > 300 ? mail.Subject[..299] + "…" : mail.Subject,
            Body = mail.Body,
            CreatedUtc = now,
            NextAttemptUtc = now,
        });
        if (unitOfWork.IsActive)
        {
            unitOfWork.AfterCommit(signal.Raise);
        }

        return true;
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Hàng đợi thư của mục hỏi đáp, góp ý đã đủ {Max} thư chưa gửi: bỏ thư “{Subject}”.")]
    private static partial void LogDropped(ILogger logger, string subject, int max);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Error, Message = "SỰ CỐ citizen-mail-queue-full: hàng đợi thư đầy ({Max} thư chưa gửi), thư mới bị bỏ. Kiểm tra máy chủ thư (Cms:Mail) và hàng đợi CitizenMails.")]
    private static partial void LogIncident(ILogger logger, int max);

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1: one minute, then five times longer each time, at most a day.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(24 * 60, Math.Pow(5, Math.Max(0, attempts - 1))));
}

/// <summary>Sends the queued citizen mail: due rows in order, each deleted once it left; a failure puts the rest off with a
/// growing back-off, and a mail that failed <see cref="CitizenServicesOptions.MailMaxAttempts"/> times is given up (kept, marked).</summary>
/// <remarks>Only the holder of the <see cref="LeaseName"/> lease sends, so a mail leaves once however many nodes run.</remarks>
internal sealed class CitizenMailSender(IServiceScopeFactory scopes, IOptionsMonitor<CitizenServicesOptions> options, ICmsMailSender sender, CitizenMailSignal signal, BackgroundLeases leases, TimeProvider clock, ILogger<CitizenMailSender> logger) : BackgroundService
{
    public const string LeaseName = "citizen-mail";

    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.MailPollSeconds)), stoppingToken);
                if (sender.IsConfigured && await leases.HoldAsync(LeaseName, stoppingToken))
                {
                    await SendDueAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A database hiccup must not stop the sender for good; the mails stay queued.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Không gửi được thư của mục hỏi đáp, góp ý; sẽ thử lại.");
            }
        }
    }

    /// <summary>Sends the mails that are due; returns how many left.</summary>
    internal async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        if (!sender.IsConfigured)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<CitizenMail>().Where(m => m.GaveUpUtc == null && m.NextAttemptUtc <= now)
            .OrderBy(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        // By reference: two identical mails are still two rows to delete.
        var rows = new Dictionary<CmsMail, CitizenMail>(ReferenceEqualityComparer.Instance);
        foreach (var row in due)
        {
            rows[new CmsMail(row.ToAddress, row.ToName, row.Subject, row.Body)] = row;
        }

        var sent = 0;
        try
        {
            await sender.SendAsync([.. rows.Keys], async mail =>
            {
                db.Remove(rows[mail]);
                rows.Remove(mail);
                sent++;
                await db.SaveChangesAsync(CancellationToken.None);
            }, cancellationToken);
        }
#pragma warning disable CA1031 // Whatever the mail server answers, the unsent mails are put off, not lost.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var max = Math.Max(1, options.CurrentValue.MailMaxAttempts);
            foreach (var mail in rows.Values)
            {
                mail.Attempts++;
                mail.LastError = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
                if (mail.Attempts >= max)
                {
                    mail.GaveUpUtc = now;
                }
                else
                {
                    mail.NextAttemptUtc = now + CitizenMailOutbox.Backoff(mail.Attempts);
                }
            }

            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning(ex, "Không gửi được {Count} thư của mục hỏi đáp, góp ý; sẽ thử lại sau.", rows.Count);
        }

        return sent;
    }
}
