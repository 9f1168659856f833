using Microsoft.Extensions.Logging;

namespace CucThongKe.Core.Data;

/// <summary>
/// One transaction over the site's database that a caller opens and callees join knowingly, with work queued to run
/// once it commits (<see cref="AfterCommit(Func{CancellationToken, Task})"/>).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="RunAsync{T}"/> called with no unit open begins the transaction, commits it when the work returns and then
/// runs the after-commit work; called inside a unit (a recipe, a workflow step that publishes) it joins that unit, and the
/// outermost one commits. A failure anywhere rolls the whole unit back and drops its after-commit work; a joined part that
/// fails drops the after-commit work it queued, whatever its caller then does.
/// </para>
/// <para>
/// A transaction begun on the context by other means is not joined silently: <see cref="RunAsync{T}"/> refuses it, so
/// that nobody's save is committed or rolled back by code that did not know it was there.
/// </para>
/// <para>
/// After-commit work is for what must follow the save and must not be undone with it: cache eviction, wake-up signals,
/// mail. It runs once, in the order queued, after the commit; a failure is logged and never turns the committed save
/// into an error. Work that must be part of the save (index tables, the workflow's record) belongs in the transaction.
/// </para>
/// </remarks>
public sealed class UnitOfWork(CmsDbContext db, ILogger<UnitOfWork> logger)
{
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private int _depth;

    /// <summary>Whether a unit is open in this scope (so that <see cref="AfterCommit(Func{CancellationToken, Task})"/> may be called).</summary>
    public bool IsActive => _depth > 0;

    /// <summary>Runs <paramref name="work"/> in a unit of work: a new one, committed when it returns, or the caller's, joined.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_depth > 0)
        {
            return await JoinAsync(work, cancellationToken);
        }

        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException(
                "A transaction is open on the database context that no unit of work began; open it with UnitOfWork.RunAsync so that the code called inside joins it knowingly.");
        }

        T result;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            _depth = 1;
            try
            {
                result = await work(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch
            {
                // Disposing the transaction rolls it back; nothing queued for after the commit may run.
                _afterCommit.Clear();
                throw;
            }
            finally
            {
                _depth = 0;
            }
        }

        await RunAfterCommitAsync();
        return result;
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public Task RunAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunAsync(async token =>
        {
            await work(token);
            return true;
        }, cancellationToken);
    }

    /// <summary>Queues <paramref name="work"/> to run once the open unit commits; it is dropped if the unit rolls back.</summary>
    /// <remarks>The work gets no cancellation from the request: once the save is committed, what follows it runs to the end.</remarks>
    /// <exception cref="InvalidOperationException">No unit is open: there is no commit to wait for.</exception>
    public void AfterCommit(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_depth == 0)
        {
            throw new InvalidOperationException("AfterCommit needs an open unit of work (UnitOfWork.RunAsync): there is no commit to wait for.");
        }

        _afterCommit.Add(work);
    }

    /// <inheritdoc cref="AfterCommit(Func{CancellationToken, Task})"/>
    public void AfterCommit(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        AfterCommit(_ =>
        {
            work();
            return Task.CompletedTask;
        });
    }

    private async Task<T> JoinAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var queued = _afterCommit.Count;
        _depth++;
        try
        {
            return await work(cancellationToken);
        }
        catch
        {
            _afterCommit.RemoveRange(queued, _afterCommit.Count - queued);
            throw;
        }
        finally
        {
            _depth--;
        }
    }

    private async Task RunAfterCommitAsync()
    {
        // Work queued by after-commit work (it may open a unit of its own) runs too, after what was queued before it.
        while (_afterCommit.Count > 0)
        {
            var batch = _afterCommit.ToList();
            _afterCommit.Clear();
            foreach (var work in batch)
            {
                try
                {
                    await work(CancellationToken.None);
                }
#pragma warning disable CA1031 // The save is committed: a failure of what follows it is logged, never reported as a failed save.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    logger.LogError(ex, "Work queued to run after a commit failed; the change itself is saved");
                }
            }
        }
    }
}
