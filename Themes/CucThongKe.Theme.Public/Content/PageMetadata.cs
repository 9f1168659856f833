using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CucThongKe.Theme.Public.Content;

/// <summary>What the layout writes as Dublin Core and OpenGraph about the page beyond its title and description; a page
/// (or the template of an item's type, which renders before the layout) fills it.</summary>
/// <remarks>Dublin Core elements (https://www.dublincore.org/specifications/dublin-core/dces/). Left null, the layout
/// writes the site's own values: the office as creator, the page as text/html, the site's rights and coverage.</remarks>
public sealed class PageMetadata
{
    private const string Key = "PageMetadata";

    /// <summary>Who made the resource: for a legal document its issuing body, not the office that posted it.</summary>
    public string? Creator { get; set; }

    /// <summary>The resource's date (yyyy-MM-dd): for a legal document its date of issue, not the posting date.</summary>
    public string? Date { get; set; }

    /// <summary>The kind of resource (the content type's name, a legal document's kind).</summary>
    public string? Type { get; set; }

    /// <summary>The terms the item is filed under.</summary>
    public List<string> Subjects { get; } = [];

    /// <summary>The page the resource belongs to (its area), as an absolute address or a path.</summary>
    public string? Relation { get; set; }

    /// <summary>The image that stands for the page when shared (a path of the site); the site's default image when null.</summary>
    public string? Image { get; set; }

    /// <summary>Search engines must not index the page (error pages): no canonical link either.</summary>
    public bool NoIndex { get; set; }

    /// <summary>The page's metadata, created on first use.</summary>
    public static PageMetadata Of(ViewDataDictionary viewData)
    {
        if (viewData[Key] is not PageMetadata metadata)
        {
            metadata = new PageMetadata();
            viewData[Key] = metadata;
        }

        return metadata;
    }
}
