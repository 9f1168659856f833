namespace CucThongKe.Core.Data;

/// <summary>Wakes a background loop at once (typically raised after a commit) instead of at its next poll; raises while it is awake count once.</summary>
public class WakeUpSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Raise()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already raised by another thread: one wake-up is enough.
            }
        }
    }

    /// <summary>Waits for a raise or for <paramref name="timeout"/>; true when raised.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _signal.Dispose();
        }
    }
}
