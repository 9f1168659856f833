using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Units;

/// <summary>The units in effect today, whole (heads, contacts), by kind, order and name: the public site's email
/// directory (Điều 12.8), its English page and the units a citizen can write to.</summary>
public sealed class UnitsInEffect(CmsDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<Unit>> ListAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(VietnamTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        return await db.Set<Unit>().AsNoTracking()
            .Where(u => u.EffectiveTo == null || u.EffectiveTo >= today)
            .OrderBy(u => u.Kind).ThenBy(u => u.Order).ThenBy(u => u.Name)
            .ToListAsync(cancellationToken);
    }
}
