using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CucThongKe.Core.Data;

/// <summary>A record the application only appends to (the workflow record, the admin-audit log): never updated, never deleted.</summary>
public interface IAppendOnlyRecord
{
    /// <summary>The record's name as the refusal says it ("Nhật ký quy trình duyệt").</summary>
    string RecordName { get; }
}

/// <summary>Keeps every <see cref="IAppendOnlyRecord"/> append-only: a save that would change or delete one fails.</summary>
/// <remarks>Raw SQL and EF's bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> do not pass through here; the application uses neither on these tables.</remarks>
internal sealed class AppendOnlyGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context?.ChangeTracker.Entries<IAppendOnlyRecord>().FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted) is { } entry)
        {
            throw new InvalidOperationException($"{entry.Entity.RecordName} chỉ được ghi thêm, không được sửa hay xoá.");
        }
    }
}
