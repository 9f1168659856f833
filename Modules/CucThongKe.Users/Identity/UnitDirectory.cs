using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using CucThongKe.Users.Units;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Identity;

/// <summary>The units in effect today and an account's unit (here beside the accounts: units know nothing of accounts), for modules that cannot reference this one (moving an item to another unit, a recipe's drafts).</summary>
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

    public async Task<string?> UnitOfUserAsync(string userName, CancellationToken cancellationToken = default)
    {
        var normalized = userName.ToUpperInvariant();
        return await db.Set<CmsUser>().AsNoTracking().Where(u => u.NormalizedUserName == normalized).Select(u => u.UnitId).FirstOrDefaultAsync(cancellationToken);
    }
}
