namespace CucThongKe.Core.Security;

/// <summary>A unit (đơn vị) as other modules need it: its id and name.</summary>
public sealed record UnitChoice(string Id, string Name);

/// <summary>The organisation's units, for modules that cannot reference the Users module (an item's transfer to another unit).</summary>
public interface IUnitDirectory
{
    /// <summary>The units in effect today, in the tree's order.</summary>
    Task<IReadOnlyList<UnitChoice>> ListActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>The unit of the account named <paramref name="userName"/>, or null (no such account, or one without a unit).</summary>
    Task<string?> UnitOfUserAsync(string userName, CancellationToken cancellationToken = default);
}
