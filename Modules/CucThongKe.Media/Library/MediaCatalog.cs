using CucThongKe.Contents.Admin;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Media.Library;

/// <summary>The library's answer to the editor: which of these paths are files it holds.</summary>
internal sealed class MediaCatalog(CmsDbContext db) : IMediaCatalog
{
    public async Task<IReadOnlySet<string>> ExistingAsync(IReadOnlyCollection<string> paths, CancellationToken cancellationToken) =>
        (await db.Set<MediaFile>().AsNoTracking().Where(m => paths.Contains(m.Path)).Select(m => m.Path).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
}
