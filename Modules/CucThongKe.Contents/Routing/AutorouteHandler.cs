using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Routing;

/// <summary>Keeps public paths unique across the site: a taken path gets "-2", "-3"... as WordPress does.</summary>
internal sealed class AutorouteHandler(CmsDbContext db) : IContentHandler
{
    public async Task SavingAsync(ContentContext context, ICollection<ContentValidationError> errors, CancellationToken cancellationToken)
    {
        var part = context.Item.As<AutoroutePart>();
        if (string.IsNullOrEmpty(part?.Path))
        {
            return;
        }

        var itemId = context.Item.ContentItemId;
        var basePath = part.Path;

        // The common case (an item keeping its own path) is one index lookup; only a taken path pays for the prefix scan.
        if (!await db.Set<AutorouteIndex>().AnyAsync(r => r.Path == basePath && r.ContentItemId != itemId, cancellationToken))
        {
            return;
        }

        var taken = await db.Set<AutorouteIndex>()
            .Where(r => r.ContentItemId != itemId && (r.Path == basePath || r.Path.StartsWith(basePath + "-")))
            .Select(r => r.Path)
            .Distinct()
            .ToListAsync(cancellationToken);
        if (!taken.Contains(basePath))
        {
            return;
        }

        var suffix = 2;
        while (taken.Contains($"{basePath}-{suffix}"))
        {
            suffix++;
        }

        context.Item.Content[nameof(AutoroutePart)]![nameof(AutoroutePart.Path)] = $"{basePath}-{suffix}";
    }
}
