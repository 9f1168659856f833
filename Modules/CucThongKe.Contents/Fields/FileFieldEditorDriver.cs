using System.Text.Json.Nodes;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;

namespace CucThongKe.Contents.Fields;

/// <summary>
/// The editor of a field of files from the media library (<see cref="MediaField"/>, <see cref="AttachmentField"/>): a few
/// rows of a path and a second text, and the library's picker. A path the library does not hold is refused here: the editor
/// offers only the library, while recipes and imports may name files placed otherwise, so the check belongs to the editor.
/// </summary>
public abstract class FileFieldEditorDriver<TField>(IEnumerable<IMediaCatalog> catalogs) : ContentFieldEditorDriver<TField>, IPickedFileTarget
    where TField : ContentField
{
    /// <summary>How many rows the editor offers.</summary>
    public const int FileRows = 3;

    private const string Items = "Items";
    private const string PathProperty = "Path";

    /// <summary>The text beside each path (<c>AltText</c>, <c>Title</c>) and its label.</summary>
    protected abstract (string Property, string Label) Second { get; }

    /// <summary>Properties of a row posted but not shown (kept from a form that sends them).</summary>
    protected abstract IReadOnlyList<string> OtherProperties { get; }

    /// <summary>What the picker lists: <c>anh</c> (images) or <c>tat-ca</c> (every file).</summary>
    protected abstract string PickKind { get; }

    protected abstract string DefaultHint { get; }

    protected override EditorShape Edit(EditorContext context)
    {
        var rows = context.Node[Items] is JsonArray array && array.All(r => r is JsonObject) ? array.Cast<JsonObject>().ToList() : [];
        var model = new EditorFileRows(FieldInput(context, Items, "", DefaultHint), context.Prefix, Second.Property, Second.Label, PickKind, FileRows, rows);
        return new EditorShape("ContentEditors/FileRows", model);
    }

    public override async Task UpdateAsync(EditorUpdateContext context, CancellationToken cancellationToken)
    {
        var rows = new JsonArray();
        for (var i = 0; i < FileRows; i++)
        {
            var path = context.Posted($"{Items}[{i}].{PathProperty}").ToString().Trim();
            if (path.Length == 0)
            {
                continue;
            }

            var row = new JsonObject { [PathProperty] = path };
            foreach (var property in OtherProperties.Prepend(Second.Property))
            {
                var value = context.Posted($"{Items}[{i}].{property}").ToString().Trim();
                if (value.Length > 0)
                {
                    row[property] = ReadProperty(property, value);
                }
            }

            rows.Add(row);
        }

        context.Set(Items, rows);
        await CheckInLibraryAsync(context, rows, cancellationToken);
    }

    /// <summary>A row's property as stored (text, unless the field reads it otherwise).</summary>
    protected virtual JsonNode ReadProperty(string property, string value) => JsonValue.Create(value);

    public void AddPickedFile(JsonObject field, string path)
    {
        var items = field[Items] as JsonArray ?? [];
        if (items.Count < FileRows && items.All(i => i?[PathProperty]?.ToString() != path))
        {
            items.Add(new JsonObject { [PathProperty] = path.Trim().TrimStart('/') });
        }

        field[Items] = items;
    }

    private async Task CheckInLibraryAsync(EditorUpdateContext context, JsonArray rows, CancellationToken cancellationToken)
    {
        var catalog = catalogs.FirstOrDefault();
        var paths = rows.Select((row, index) => (Index: index, Path: row![PathProperty]!.ToString().Trim().TrimStart('/'))).ToList();
        if (catalog is null || paths.Count == 0)
        {
            return;
        }

        var existing = await catalog.ExistingAsync([.. paths.Select(p => p.Path).Distinct(StringComparer.Ordinal)], cancellationToken);
        foreach (var (index, path) in paths.Where(p => !existing.Contains(p.Path)))
        {
            context.AddError($"{Items}[{index}].{PathProperty}", $"Tệp '{path}' không có trong thư viện tệp: hãy chọn từ thư viện.");
        }
    }
}
