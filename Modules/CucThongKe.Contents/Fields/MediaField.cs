using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;

namespace CucThongKe.Contents.Fields;

/// <summary>Images from the media library, each with the alt text readers of screen readers need.</summary>
public sealed class MediaField : ContentField
{
    public List<MediaItem> Items { get; set; } = [];

    public override void Prepare(ContentElementContext context)
    {
        foreach (var item in Items)
        {
            item.Path = item.Path.Trim().TrimStart('/');
            item.AltText = item.AltText?.Trim();
            item.Caption = item.Caption?.Trim();
        }
    }

    public override ValueTask ValidateAsync(ContentElementContext context)
    {
        var settings = context.Settings<MediaFieldSettings>();
        FieldChecks.Files(context, Items.Select(i => i.Path).ToList(), settings.Required, settings.Multiple);
        for (var i = 0; i < Items.Count; i++)
        {
            if (settings.RequireAltText && string.IsNullOrWhiteSpace(Items[i].AltText))
            {
                context.AddError($"Items[{i}].AltText", "Ảnh cần có mô tả thay thế (alt) cho người khiếm thị.");
            }
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class MediaItem
{
    public string Path { get; set; } = "";

    public string? AltText { get; set; }

    public string? Caption { get; set; }
}

public sealed class MediaFieldSettings : ContentFieldSettings
{
    public bool Multiple { get; init; }

    public bool RequireAltText { get; init; } = true;
}

/// <summary>The editor of a media field: rows of paths from the library, and the picker.</summary>
public sealed class MediaFieldEditorDriver(IEnumerable<IMediaCatalog> catalogs) : FileFieldEditorDriver<MediaField>(catalogs)
{
    protected override (string Property, string Label) Second => (nameof(MediaItem.AltText), "Mô tả thay thế (alt)");

    protected override IReadOnlyList<string> OtherProperties => [nameof(MediaItem.Caption)];

    protected override string PickKind => "anh";

    protected override string DefaultHint => "Đường dẫn ảnh trong thư viện và mô tả thay thế (alt).";
}
