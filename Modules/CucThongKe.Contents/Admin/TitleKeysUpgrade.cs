using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Setup;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Admin;

/// <summary>Gives the versions saved before the title keys existed their sort key and folded title (the list sorts and filters by them).</summary>
internal sealed class TitleKeysUpgrade(CmsDbContext db) : ISiteUpgrade
{
    private const int Batch = 500;

    public string Name => "contents-title-keys";

    public async Task UpgradeAsync(CancellationToken cancellationToken)
    {
        // In batches, by id: a site with many versions never holds them all in memory.
        var afterId = 0L;
        while (true)
        {
            var rows = await db.Set<ContentItem>().Where(c => c.Id > afterId && c.TitleKey == null).OrderBy(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return;
            }

            foreach (var row in rows)
            {
                row.UpdateTitleKeys();
            }

            await db.SaveChangesAsync(cancellationToken);
            afterId = rows[^1].Id;
            db.ChangeTracker.Clear();
        }
    }
}
