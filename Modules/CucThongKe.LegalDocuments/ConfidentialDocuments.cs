using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Published;
using CucThongKe.Core.Data;
using CucThongKe.LegalDocuments.Confidential;
using CucThongKe.LegalDocuments.Indexing;

namespace CucThongKe.LegalDocuments;

/// <summary>A confidential item is never shown, even if an old import published it (Điều 9.2); nor indexed for search.</summary>
/// <remarks>
/// In queries, read from <see cref="LegalDocumentIndex.Confidential"/> (the document index holds the flag of the legal
/// documents it maps); on a loaded item, from the field its type's <see cref="ConfidentialityTypeSettings"/> names.
/// </remarks>
internal sealed class ConfidentialDocuments(CmsDbContext db, ContentDefinitionManager definitions) : IReaderVisibilityRule
{
    public IQueryable<long> HiddenVersionIds() =>
        db.Set<LegalDocumentIndex>().Where(d => d.Confidential).Select(d => d.ContentItemVersionId);

    public IQueryable<string> HiddenItemIds() =>
        db.Set<LegalDocumentIndex>().Where(d => d.Confidential).Select(d => d.ContentItemId);

    public bool IsHidden(ContentItem item) =>
        definitions.GetResolvedType(item.ContentType) is { } type && Confidentiality.IsConfidential(item, type);
}
