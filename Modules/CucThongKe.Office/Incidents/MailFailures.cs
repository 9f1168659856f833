using CucThongKe.Core.Mail;

namespace CucThongKe.Office.Incidents;

/// <summary>Failed attempts to send the site's mail since the monitor last looked, with the last error.</summary>
public sealed class MailFailures
{
    private int _count;
    private string? _lastError;

    public void Add(string error)
    {
        Volatile.Write(ref _lastError, error);
        Interlocked.Increment(ref _count);
    }

    /// <summary>The failures since the last call, and the last error; resets the count.</summary>
    public (int Count, string? LastError) Take() => (Interlocked.Exchange(ref _count, 0), Volatile.Read(ref _lastError));
}

/// <summary>The site's mail sender, noting each failed attempt for the incident log before the caller sees the failure as always.</summary>
internal sealed class FailureRecordingMailSender(ICmsMailSender inner, MailFailures failures) : ICmsMailSender
{
    public bool IsConfigured => inner.IsConfigured;

    public async Task SendAsync(IReadOnlyList<CmsMail> mails, Func<CmsMail, Task>? sent = null, CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.SendAsync(mails, sent, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failures.Add(ex.GetType().Name + ": " + ex.Message);
            throw;
        }
    }
}
