using CucThongKe.Contents.Models;
using CucThongKe.Contents.Published;
using CucThongKe.Core.Data;
using CucThongKe.LegalDocuments.Indexing;

namespace CucThongKe.LegalDocuments;

/// <summary>A legal document marked confidential is never shown, even if an old import published it (Điều 9.2).</summary>
/// <remarks>Read from <see cref="LegalDocumentIndex.Confidential"/> in queries and from the version's field on a loaded item.</remarks>
internal sealed class ConfidentialDocuments(CmsDbContext db) : IReaderVisibilityRule
{
    public IQueryable<long> HiddenVersionIds() =>
        db.Set<LegalDocumentIndex>().Where(d => d.Confidential).Select(d => d.ContentItemVersionId);

    public IQueryable<string> HiddenItemIds() =>
        db.Set<LegalDocumentIndex>().Where(d => d.Confidential).Select(d => d.ContentItemId);

    public bool IsHidden(ContentItem item) =>
        item.ContentType == LegalDocumentTypes.LegalDocument && FieldReader.Bool(item, LegalDocumentTypes.LegalDocument, "Confidential");
}
