using CucThongKe.Core.Admin;
using CucThongKe.Core.Data;
using CucThongKe.Users.Units;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Users.Identity;

/// <summary>Units by id (retired ones included: old items still name them).</summary>
internal sealed class UnitDisplayNames(CmsDbContext db) : IDisplayNameSource
{
    public string Kind => DisplayNameKinds.Unit;

    public async Task<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken) =>
        await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
}

/// <summary>Roles by name ("Contributor" is "Cộng tác viên").</summary>
internal sealed class RoleDisplayNames(CmsDbContext db) : IDisplayNameSource
{
    public string Kind => DisplayNameKinds.Role;

    public async Task<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken) =>
        await db.Set<CmsRole>().AsNoTracking().Where(r => r.Name != null)
            .ToDictionaryAsync(r => r.Name!, r => r.DisplayName ?? r.Name!, cancellationToken);
}
