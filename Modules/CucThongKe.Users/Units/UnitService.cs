using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Units;

/// <summary>What a check of a unit's form found: the unit to edit is missing, or the form's mistakes (none: it may be saved).</summary>
public sealed record UnitCheck(bool NotFound, bool Exists, IReadOnlyList<string> Errors);

/// <summary>The organisation tree's administration: the units, their checks, saving one and recording its renames and merges.</summary>
public sealed class UnitService(CmsDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Unit>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Unit>().AsNoTracking().OrderBy(u => u.Order).ToListAsync(cancellationToken);

    /// <summary>The renames and merges of a unit (and the merges into it), newest first.</summary>
    public async Task<IReadOnlyList<UnitChange>> HistoryAsync(string unitId, CancellationToken cancellationToken = default) =>
        await db.Set<UnitChange>().AsNoTracking().Where(c => c.UnitId == unitId || c.MergedIntoId == unitId)
            .OrderByDescending(c => c.EffectiveDate).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// Checks a unit's form against the tree (<paramref name="units"/>, as <see cref="ListAsync"/> gives it): a unit
    /// to edit must exist under the address's id, a new one must not; the id's letters, the parent (no cycle), the
    /// successor and the dates must make sense.
    /// </summary>
    public async Task<UnitCheck> CheckAsync(UnitInput input, string? routeId, bool isNew, IReadOnlyList<Unit> units, CancellationToken cancellationToken = default)
    {
        var exists = await db.Set<Unit>().AnyAsync(u => u.Id == input.Id, cancellationToken);
        if (!isNew && (!exists || (routeId is not null && routeId != input.Id)))
        {
            return new UnitCheck(true, exists, []);
        }

        var errors = new List<string>();
        if (isNew && exists)
        {
            errors.Add($"Mã đơn vị '{input.Id}' đã có.");
        }

        if (!input.Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            errors.Add("Mã đơn vị chỉ gồm chữ thường không dấu, chữ số và '-'.");
        }

        if (input.ParentId is not null && (units.All(u => u.Id != input.ParentId) || IsDescendant(units, input.ParentId, input.Id)))
        {
            errors.Add("Đơn vị cấp trên không hợp lệ (không có, hoặc tạo thành vòng).");
        }

        if (input.SucceededById is not null && units.All(u => u.Id != input.SucceededById))
        {
            errors.Add("Đơn vị sáp nhập vào không tồn tại.");
        }

        if (input.EffectiveFrom is not null && input.EffectiveTo < input.EffectiveFrom)
        {
            errors.Add("Ngày hết hiệu lực phải sau ngày bắt đầu.");
        }

        if (input.SucceededById == input.Id)
        {
            errors.Add("Một đơn vị không sáp nhập vào chính nó.");
        }

        return new UnitCheck(false, exists, errors);
    }

    /// <summary>Saves a checked form: a new unit goes last in the tree; an existing one's rename or merge becomes history.</summary>
    public async Task<Unit> SaveAsync(UnitInput input, string? actor, CancellationToken cancellationToken = default)
    {
        var unit = await db.Set<Unit>().FirstOrDefaultAsync(u => u.Id == input.Id, cancellationToken);
        if (unit is null)
        {
            var order = await db.Set<Unit>().CountAsync(cancellationToken);
            db.Add(unit = new Unit { Id = input.Id, Name = "", Order = order });
        }
        else
        {
            RecordChanges(unit, input, actor);
        }

        input.ApplyTo(unit);
        await db.SaveChangesAsync(cancellationToken);
        return unit;
    }

    /// <summary>A new name or a new merge becomes history, dated by the change date the administrator gave (today by default).</summary>
    private void RecordChanges(Unit unit, UnitInput input, string? actor)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var newName = input.Name.Trim();
        var mergedInto = string.IsNullOrEmpty(input.SucceededById) ? null : input.SucceededById;
        if (newName != unit.Name)
        {
            db.Add(Change(unit, UnitChangeKind.Renamed, input.ChangeDate ?? today, actor, c => c.NewName = newName));
        }

        if (mergedInto is not null && mergedInto != unit.SucceededById)
        {
            db.Add(Change(unit, UnitChangeKind.Merged, input.EffectiveTo ?? input.ChangeDate ?? today, actor, c => c.MergedIntoId = mergedInto));
        }
    }

    private UnitChange Change(Unit unit, UnitChangeKind kind, DateOnly effective, string? actor, Action<UnitChange> details)
    {
        var change = new UnitChange
        {
            UnitId = unit.Id, Kind = kind, OldName = unit.Name, EffectiveDate = effective,
            RecordedUtc = clock.GetUtcNow().UtcDateTime, RecordedBy = actor,
        };
        details(change);
        return change;
    }

    private static bool IsDescendant(IReadOnlyList<Unit> units, string candidate, string ancestor)
    {
        for (var current = units.FirstOrDefault(u => u.Id == candidate); current is not null; current = units.FirstOrDefault(u => u.Id == current.ParentId))
        {
            if (current.Id == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
