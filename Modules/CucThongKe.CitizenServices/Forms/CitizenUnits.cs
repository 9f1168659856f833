using CucThongKe.Users.Units;

namespace CucThongKe.CitizenServices.Forms;

/// <summary>The units a citizen can write to: the departments and branches in effect today.</summary>
public sealed class CitizenUnits(UnitsInEffect units)
{
    public async Task<IReadOnlyList<Unit>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await units.ListAsync(cancellationToken)).Where(u => u.Kind is UnitKind.Department or UnitKind.Branch)];
}
