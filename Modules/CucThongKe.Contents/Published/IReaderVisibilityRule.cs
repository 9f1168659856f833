using CucThongKe.Contents.Models;

namespace CucThongKe.Contents.Published;

/// <summary>A module's rule that keeps some published versions from readers (LegalDocuments: a document marked
/// confidential, published by mistake or by an old import, Điều 9.2); <see cref="PublicContent"/> applies every one.</summary>
public interface IReaderVisibilityRule
{
    /// <summary>The ids of the versions readers must not see; composed into the listings' queries (a subquery).</summary>
    IQueryable<long> HiddenVersionIds();

    /// <summary>The ids of the items any of whose versions readers must not see (the release calendar leaves them out).</summary>
    IQueryable<string> HiddenItemIds();

    /// <summary>The same rule for a version already loaded.</summary>
    bool IsHidden(ContentItem item);
}
