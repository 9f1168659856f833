namespace CucThongKe.Contents.Definitions;

/// <summary>
/// Where an item's related items come from (the type's <c>RelatedItems</c> settings): the items of its type filed under
/// the same term, and those an editor picked. A type without it shows none.
/// </summary>
public sealed class RelatedItemsSettings
{
    /// <summary>The taxonomy field, as <c>Part.Field</c> (<c>News.Category</c>): items of the type sharing its first term are related.</summary>
    public string? TaxonomyField { get; init; }

    /// <summary>The content picker field, as <c>Part.Field</c> (<c>News.Related</c>): the items it picks are related too.</summary>
    public string? PickerField { get; init; }
}

/// <summary>How an item of the type shows on its page beyond its shapes (the type's <c>Display</c> settings).</summary>
public sealed class ContentTypeDisplaySettings
{
    /// <summary>The media field, as <c>Part.Field</c> (<c>News.LeadImage</c>), whose first image stands for the page when it is shared.</summary>
    public string? ImageField { get; init; }

    /// <summary>
    /// Where the type puts the shapes of some parts or fields instead of where their drivers put them, by shape name
    /// (<c>SummaryPart</c>, <c>News.Source</c>): <c>Zone:Position</c>, or <c>-</c> to leave the shape out.
    /// </summary>
    public Dictionary<string, string> Placement { get; init; } = [];
}
