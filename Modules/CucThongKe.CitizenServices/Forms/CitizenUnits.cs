using CucThongKe.Users.Units;
using Microsoft.Extensions.Options;

namespace CucThongKe.CitizenServices.Forms;

/// <summary>The units a citizen can write to: the departments and branches in effect today, and the triage unit for "không rõ".</summary>
public sealed class CitizenUnits(UnitsInEffect units, IOptions<CitizenServicesOptions> options)
{
    /// <summary>The value of the forms' "Không rõ đơn vị phụ trách" choice: the message goes to the triage unit.</summary>
    public const string Unknown = "khong-ro";

    public async Task<IReadOnlyList<Unit>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await units.ListAsync(cancellationToken)).Where(u => u.Kind is UnitKind.Department or UnitKind.Branch)];

    /// <summary>Whether the forms offer "không rõ": a triage unit is set and in effect today.</summary>
    public async Task<bool> OffersUnknownAsync(CancellationToken cancellationToken) =>
        await TriageUnitAsync(cancellationToken) is not null;

    /// <summary>The unit a message chosen as <paramref name="unitId"/> goes to: a department or branch in effect, or the triage
    /// unit for <see cref="Unknown"/>; null for anything else (the form says so).</summary>
    public async Task<Unit?> ResolveAsync(string? unitId, CancellationToken cancellationToken) =>
        unitId == Unknown
            ? await TriageUnitAsync(cancellationToken)
            : (await ListAsync(cancellationToken)).FirstOrDefault(u => u.Id == unitId);

    private async Task<Unit?> TriageUnitAsync(CancellationToken cancellationToken) =>
        options.Value.TriageUnitId is { Length: > 0 } id ? (await units.ListAsync(cancellationToken)).FirstOrDefault(u => u.Id == id) : null;
}
