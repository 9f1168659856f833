using System.Text.Json.Nodes;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;

namespace CucThongKe.Contents.Fields;

/// <summary>Files to download (PDF, DOCX, XLSX...), each with a title.</summary>
public sealed class AttachmentField : ContentField
{
    public List<AttachmentItem> Items { get; set; } = [];

    public override void Prepare(ContentElementContext context)
    {
        foreach (var item in Items)
        {
            item.Path = item.Path.Trim().TrimStart('/');
            item.Title = item.Title?.Trim();
        }
    }

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<AttachmentFieldSettings>();
        FieldChecks.Files(context, Items.Select(i => i.Path).ToList(), settings.Required, multiple: true);
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].Size < 0)
            {
                context.AddError($"Items[{i}].Size", "Kích thước tệp không hợp lệ.");
            }
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class AttachmentItem
{
    public string Path { get; set; } = "";

    public string? Title { get; set; }

    /// <summary>Size in bytes, shown next to the download link.</summary>
    public long? Size { get; set; }
}

public sealed class AttachmentFieldSettings : ContentFieldSettings;

/// <summary>The editor of an attachment field: rows of paths from the library, and the picker.</summary>
public sealed class AttachmentFieldEditorDriver(IEnumerable<IMediaCatalog> catalogs) : FileFieldEditorDriver<AttachmentField>(catalogs)
{
    protected override (string Property, string Label) Second => (nameof(AttachmentItem.Title), "Tên hiển thị");

    protected override IReadOnlyList<string> OtherProperties => [nameof(AttachmentItem.Size)];

    protected override string PickKind => "tat-ca";

    protected override string DefaultHint => "Đường dẫn tệp trong thư viện và tên hiển thị.";

    /// <summary>The size is a number of bytes; text that is not one is passed on for the validator to name.</summary>
    protected override JsonNode ReadProperty(string property, string value) =>
        property == nameof(AttachmentItem.Size) && long.TryParse(value, out var size) ? JsonValue.Create(size) : base.ReadProperty(property, value);
}
