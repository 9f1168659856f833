namespace CucThongKe.Core.Security;

/// <summary>What moves with a unit merged into another, besides its accounts (Users moves them): a module's own work in
/// progress (Contents moves the items not yet published, and with them their place in the approval chain).</summary>
/// <remarks>Called inside the merge's unit of work: a failure rolls the whole merge back.</remarks>
public interface IUnitMergeParticipant
{
    /// <summary>What would move, in one Vietnamese phrase ("3 nội dung chưa đăng"), for the page that asks to confirm.</summary>
    Task<string?> DescribeAsync(string fromUnitId, CancellationToken cancellationToken);

    /// <summary>Moves the work of <paramref name="fromUnitId"/> to <paramref name="toUnitId"/>; returns how many things moved.</summary>
    Task<int> MoveAsync(string fromUnitId, string toUnitId, string reason, CancellationToken cancellationToken);
}
