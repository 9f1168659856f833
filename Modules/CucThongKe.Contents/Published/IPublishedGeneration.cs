namespace CucThongKe.Contents.Published;

/// <summary>A number that moves whenever what readers see may have changed (a publication, an unpublication, a
/// removal): <see cref="PublishedItemCache"/>'s keys include it, so every such change starts again from the database.</summary>
/// <remarks>The page cache (module OutputCache) provides it, since it evicts at exactly those changes. Without that
/// module <see cref="EveryReadIsNew"/> stands in and nothing is kept.</remarks>
public interface IPublishedGeneration
{
    long Generation { get; }
}

/// <summary>A generation that moves at every read: nothing read under one is ever found under the next.</summary>
internal sealed class EveryReadIsNew : IPublishedGeneration
{
    private long _generation;

    public long Generation => Interlocked.Increment(ref _generation);
}
