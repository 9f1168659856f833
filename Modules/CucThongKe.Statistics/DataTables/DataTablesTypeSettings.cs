using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Models;

namespace CucThongKe.Statistics.DataTables;

/// <summary>
/// The Statistics section of a content type's settings: the attachment field whose XLSX and CSV files are data tables
/// (checked at save, shown as tables, downloaded at <c>/bang-so-lieu/...</c>), e.g.
/// <c>"DataTables": { "Field": "SocioEconomicReport.DataFiles" }</c>. A type without it has no data tables.
/// </summary>
public sealed class DataTablesTypeSettings
{
    /// <summary>The section's name in a type's settings.</summary>
    public const string SectionName = "DataTables";

    /// <summary>The attachment field, as <c>Part.Field</c>.</summary>
    [ContentFieldReference(nameof(AttachmentField))]
    public required string Field { get; init; }
}

/// <summary>Where an item's data files are: the one place that reads <see cref="DataTablesTypeSettings"/>.</summary>
public static class DataFiles
{
    /// <summary>The field's path (<c>Part.Field</c>) and its attachments, or null when the type has no data tables.</summary>
    public static (string Field, IReadOnlyList<AttachmentItem> Files)? Of(ResolvedContentType type, ContentItem item) =>
        type.Section<DataTablesTypeSettings>() is { } settings
            ? (settings.Field, type.FieldValue<AttachmentField>(item, settings.Field)?.Items ?? [])
            : null;
}
