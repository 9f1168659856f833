using System.Collections.Concurrent;
using CucThongKe.CitizenServices.Outbox;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Mail;
using CucThongKe.Tests.Site;
using CucThongKe.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CucThongKe.Tests.CitizenServices;

/// <summary>Citizen mail (the answer to an asker, a feedback's reply, the notice to a unit) survives a mail server that is
/// down: it stays queued, is retried with a growing wait, leaves once, and is given up after the last attempt; the queue is
/// bounded, and a mail past the bound is dropped with an incident line in the log.</summary>
public abstract class CitizenMailOutboxTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));

    private readonly FlakyMailSender _mail = new();

    /// <summary>What the outbox logged (level, text).</summary>
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _logged = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<ICmsMailSender>(_mail);
        services.AddSingleton<ILoggerProvider>(new OutboxLog(_logged));
    }

    // The loop looks only when told here (no poll during the test): every round is the test's own call.
    protected override IReadOnlyDictionary<string, string>? SiteSettings => new Dictionary<string, string>
    {
        ["Cms:CitizenServices:MailPollSeconds"] = "3600",
        ["Cms:CitizenServices:MailMaxAttempts"] = "3",
        ["Cms:CitizenServices:MailMaxQueued"] = "2",
    };

    [Fact]
    public async Task A_mail_that_fails_is_retried_after_a_growing_wait_leaves_once_and_is_given_up_after_the_last_attempt()
    {
        await EnqueueAsync("hoi@example.vn", "Câu hỏi mã HD0123456789 đã được trả lời");
        await EnqueueAsync("gop@example.vn", "Trả lời góp ý mã GY0123456789");
        _mail.FailuresLeft = 2;

        Assert.Equal(0, await RoundAsync());
        var queued = await QueuedAsync();
        Assert.All(queued, m => Assert.Equal((1, _clock.GetUtcNow().UtcDateTime.AddMinutes(1)), (m.Attempts, m.NextAttemptUtc)));
        Assert.All(queued, m => Assert.Equal("Máy chủ thư không trả lời.", m.LastError));

        // Not due yet: nothing is tried.
        var calls = _mail.Calls;
        Assert.Equal(0, await RoundAsync());
        Assert.Equal(calls, _mail.Calls);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await RoundAsync());
        Assert.All(await QueuedAsync(), m => Assert.Equal((2, _clock.GetUtcNow().UtcDateTime.AddMinutes(5)), (m.Attempts, m.NextAttemptUtc)));

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(2, await RoundAsync());
        Assert.Empty(await QueuedAsync());
        Assert.Equal(["hoi@example.vn", "gop@example.vn"], _mail.Delivered.Select(m => m.ToAddress));
        Assert.Equal("Câu hỏi mã HD0123456789 đã được trả lời", _mail.Delivered[0].Subject);

        // A mail that keeps failing is given up after the third attempt and kept, marked, for the operator.
        await EnqueueAsync("sai@example.vn", "Thư không gửi được");
        _mail.FailuresLeft = int.MaxValue;
        foreach (var wait in new[] { 0, 1, 5 })
        {
            _clock.Advance(TimeSpan.FromMinutes(wait));
            await RoundAsync();
        }

        var givenUp = Assert.Single(await QueuedAsync());
        Assert.Equal((3, _clock.GetUtcNow().UtcDateTime), (givenUp.Attempts, givenUp.GaveUpUtc));
        calls = _mail.Calls;
        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await RoundAsync());
        Assert.Equal(calls, _mail.Calls);
        Assert.Equal(2, _mail.Delivered.Count);

        // The bound (2 unsent) counts waiting mail, not the given-up one: two more are queued, the third is dropped and logged.
        Assert.True(await EnqueueAsync("mot@example.vn", "Thư thứ nhất"));
        Assert.True(await EnqueueAsync("hai@example.vn", "Thư thứ hai"));
        Assert.Empty(_logged);
        Assert.False(await EnqueueAsync("ba@example.vn", "Thư thứ ba"));
        Assert.Equal(["sai@example.vn", "mot@example.vn", "hai@example.vn"], (await QueuedAsync()).Select(m => m.ToAddress));
        Assert.Contains(_logged, l => l.Level == LogLevel.Warning && l.Text.Contains("“Thư thứ ba”", StringComparison.Ordinal));
        Assert.Contains(_logged, l => l.Level == LogLevel.Error && l.Text.StartsWith("SỰ CỐ citizen-mail-queue-full", StringComparison.Ordinal));

        // Once mail leaves, the queue takes mail again.
        _mail.FailuresLeft = 0;
        Assert.Equal(2, await RoundAsync());
        Assert.True(await EnqueueAsync("ba@example.vn", "Thư thứ ba"));
    }

    private Task<bool> EnqueueAsync(string to, string subject) => Site.WithScopeAsync(async s =>
    {
        var queued = await s.GetRequiredService<CitizenMailOutbox>().EnqueueAsync(new CmsMail(to, null, subject, "Nội dung thư."), default);
        await s.GetRequiredService<CmsDbContext>().SaveChangesAsync();
        return queued;
    });

    private Task<int> RoundAsync() => Site.Services.GetRequiredService<CitizenMailSender>().SendDueAsync(default);

    private Task<List<CitizenMail>> QueuedAsync() => Site.WithScopeAsync(s =>
        s.GetRequiredService<CmsDbContext>().Set<CitizenMail>().AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    /// <summary>What the outbox logs (its own category only).</summary>
    private sealed class OutboxLog(ConcurrentQueue<(LogLevel Level, string Text)> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => categoryName == typeof(CitizenMailOutbox).FullName ? new Logger(lines) : NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<(LogLevel Level, string Text)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue((logLevel, formatter(state, exception)));
        }
    }

    /// <summary>A mail server that refuses <see cref="FailuresLeft"/> connections, then takes every mail.</summary>
    private sealed class FlakyMailSender : ICmsMailSender
    {
        public int FailuresLeft { get; set; }

        public int Calls { get; private set; }

        public List<CmsMail> Delivered { get; } = [];

        public bool IsConfigured => true;

        public async Task SendAsync(IReadOnlyList<CmsMail> mails, Func<CmsMail, Task>? sent = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new IOException("Máy chủ thư không trả lời.");
            }

            foreach (var mail in mails)
            {
                Delivered.Add(mail);
                if (sent is not null)
                {
                    await sent(mail);
                }
            }
        }
    }
}

public sealed class SqliteCitizenMailOutboxTests() : CitizenMailOutboxTests(DatabaseProvider.Sqlite);
