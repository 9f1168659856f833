using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Units;

/// <summary>The units in effect today, for modules that cannot reference this one (moving an item to another unit).</summary>
internal sealed class UnitDirectory(CmsDbContext db, TimeProvider clock) : IUnitDirectory
{
    public async Task<IReadOnlyList<UnitChoice>> ListActiveAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(VietnamTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        return await db.Set<Unit>().AsNoTracking()
            .Where(u => u.EffectiveTo == null || u.EffectiveTo >= today)
            .OrderBy(u => u.Order).ThenBy(u => u.Name)
            .Select(u => new UnitChoice(u.Id, u.Name))
            .ToListAsync(cancellationToken);
    }
}
