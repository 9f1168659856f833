using System.Globalization;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Core.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Admin;

/// <summary>The generic editor: inputs built from a type's parts and fields, and the form read back into content JSON.</summary>
/// <remarks>Form names are the JSON paths (<c>News.Category.TermIds</c>), so validation errors land next to their input.</remarks>
public sealed class ContentEditor(CmsDbContext db, IEnumerable<IMediaCatalog> catalogs)
{
    /// <summary>How many rows a media or attachment field offers.</summary>
    public const int FileRows = 3;

    public async Task<IReadOnlyList<EditorSection>> BuildAsync(ResolvedContentType type, JsonObject content, IReadOnlyList<ContentValidationError> errors, CancellationToken cancellationToken)
    {
        var sections = new List<EditorSection>();
        foreach (var part in type.Parts)
        {
            var inputs = new List<EditorInput>();
            var partJson = content[part.Name] as JsonObject ?? [];
            if (part.Code is not null)
            {
                foreach (var (property, kind, label) in CodePartInputs(part.Code.Name))
                {
                    inputs.Add(Input($"{part.Name}.{property}", label, kind, partJson[property], required: property == nameof(TitlePart.Title), null, errors));
                }
            }

            foreach (var field in part.Fields)
            {
                var path = $"{part.Name}.{field.Name}";
                var value = partJson[field.Name] as JsonObject ?? [];
                var label = field.DisplayName ?? field.Name;
                var required = field.Settings["Required"]?.GetValue<bool>() == true;
                var hint = field.Settings["Hint"]?.GetValue<string>();
                switch (field.FieldType)
                {
                    case nameof(TaxonomyField):
                        var taxonomy = field.Settings["Taxonomy"]?.GetValue<string>() ?? "";
                        var terms = await db.Set<TaxonomyTerm>().AsNoTracking().Where(t => t.Taxonomy == taxonomy).OrderBy(t => t.Order).ToListAsync(cancellationToken);
                        var input = Input(path + ".TermIds", label, EditorKind.Choice, value["TermIds"], required, hint, errors);
                        inputs.Add(input with
                        {
                            Multiple = field.Settings["Multiple"]?.GetValue<bool>() ?? true,
                            Options = [.. terms.Select(t => new EditorOption(t.TermId, t.ParentId is null ? t.Name : "— " + t.Name))],
                        });
                        break;
                    case nameof(ContentPickerField):
                        var allowed = field.Settings["DisplayedContentTypes"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
                        var candidates = await db.Set<ContentItem>().AsNoTracking()
                            .Where(c => c.Latest && (allowed.Count == 0 || allowed.Contains(c.ContentType)))
                            .OrderByDescending(c => c.ModifiedUtc).Take(200)
                            .Select(c => new EditorOption(c.ContentItemId, c.DisplayText ?? c.ContentItemId))
                            .ToListAsync(cancellationToken);
                        inputs.Add(Input(path + ".ContentItemIds", label, EditorKind.Choice, value["ContentItemIds"], required, hint, errors) with { Multiple = true, Options = candidates });
                        break;
                    case nameof(MediaField):
                        inputs.Add(Input(path + ".Items", label, EditorKind.Media, value["Items"], required, hint ?? "Đường dẫn ảnh trong thư viện và mô tả thay thế (alt).", errors));
                        break;
                    case nameof(AttachmentField):
                        inputs.Add(Input(path + ".Items", label, EditorKind.Attachments, value["Items"], required, hint ?? "Đường dẫn tệp trong thư viện và tên hiển thị.", errors));
                        break;
                    default:
                        var (property, kind) = FieldInput(field.FieldType);
                        inputs.Add(Input($"{path}.{property}", label, kind, value[property], required, hint, errors));
                        break;
                }
            }

            if (inputs.Count > 0)
            {
                sections.Add(new EditorSection(part.Name, part.TypePart.DisplayName ?? SectionTitle(part), inputs, [.. errors.Where(e => e.Path == part.Name).Select(e => e.Message)]));
            }
        }

        return sections;
    }

    /// <summary>
    /// Errors for every media or attachment path of the editor that the media library does not hold (the editor offers only
    /// the library; recipes and imports may name files placed otherwise, so this check belongs to the editor, not the fields).
    /// </summary>
    public async Task<IReadOnlyList<ContentValidationError>> CheckMediaPathsAsync(ResolvedContentType type, JsonObject content, CancellationToken cancellationToken)
    {
        var catalog = catalogs.FirstOrDefault();
        var rows = FileRowsOf(type, content).ToList();
        if (catalog is null || rows.Count == 0)
        {
            return [];
        }

        var existing = await catalog.ExistingAsync([.. rows.Select(r => r.Path).Distinct(StringComparer.Ordinal)], cancellationToken);
        return [.. rows.Where(r => !existing.Contains(r.Path))
            .Select(r => new ContentValidationError($"{r.Field}.Items[{r.Index}].Path", $"Tệp '{r.Path}' không có trong thư viện tệp: hãy chọn từ thư viện."))];
    }

    /// <summary>The content with <paramref name="path"/> added to the file field <paramref name="field"/> (e.g. <c>News.Image</c>), for the picker's return without JavaScript; nothing is saved.</summary>
    public static JsonObject WithPickedFile(ResolvedContentType type, JsonObject content, string? field, string? path)
    {
        var target = type.Parts.SelectMany(p => p.Fields.Select(f => (Part: p.Name, Field: f)))
            .FirstOrDefault(x => $"{x.Part}.{x.Field.Name}" == field && x.Field.FieldType is nameof(MediaField) or nameof(AttachmentField));
        if (target.Field is null || string.IsNullOrWhiteSpace(path) || path.Length > 500)
        {
            return content;
        }

        var copy = content.DeepClone().AsObject();
        var part = copy[target.Part] as JsonObject ?? [];
        var value = part[target.Field.Name] as JsonObject ?? [];
        var items = value["Items"] as JsonArray ?? [];
        if (items.Count < FileRows && items.All(i => i?["Path"]?.ToString() != path))
        {
            items.Add(new JsonObject { ["Path"] = path.Trim().TrimStart('/') });
        }

        value["Items"] = items;
        part[target.Field.Name] = value;
        copy[target.Part] = part;
        return copy;
    }

    private static IEnumerable<(string Field, int Index, string Path)> FileRowsOf(ResolvedContentType type, JsonObject content)
    {
        foreach (var part in type.Parts)
        {
            foreach (var field in part.Fields.Where(f => f.FieldType is nameof(MediaField) or nameof(AttachmentField)))
            {
                if (content[part.Name]?[field.Name]?["Items"] is not JsonArray items)
                {
                    continue;
                }

                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i]?["Path"]?.ToString() is { Length: > 0 } path)
                    {
                        yield return ($"{part.Name}.{field.Name}", i, path.Trim().TrimStart('/'));
                    }
                }
            }
        }
    }

    /// <summary>The content of a new version: the previous content, with every input of the form written over it.</summary>
    public static JsonObject Read(ResolvedContentType type, IFormCollection form, JsonObject? previous)
    {
        var content = previous?.DeepClone().AsObject() ?? [];
        foreach (var part in type.Parts)
        {
            var partJson = content[part.Name] as JsonObject ?? [];
            if (part.Code is not null)
            {
                foreach (var (property, kind, _) in CodePartInputs(part.Code.Name))
                {
                    Set(partJson, property, ReadValue(form, $"{part.Name}.{property}", kind));
                }
            }

            foreach (var field in part.Fields)
            {
                var path = $"{part.Name}.{field.Name}";
                var value = partJson[field.Name] as JsonObject ?? [];
                switch (field.FieldType)
                {
                    case nameof(TaxonomyField):
                        value["TermIds"] = new JsonArray([.. form[path + ".TermIds"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (JsonNode?)v)]);
                        break;
                    case nameof(ContentPickerField):
                        value["ContentItemIds"] = new JsonArray([.. form[path + ".ContentItemIds"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (JsonNode?)v)]);
                        break;
                    case nameof(MediaField):
                        value["Items"] = ReadRows(form, path + ".Items", ["Path", "AltText", "Caption"]);
                        break;
                    case nameof(AttachmentField):
                        value["Items"] = ReadRows(form, path + ".Items", ["Path", "Title", "Size"]);
                        break;
                    default:
                        var (property, kind) = FieldInput(field.FieldType);
                        Set(value, property, ReadValue(form, $"{path}.{property}", kind));
                        break;
                }

                partJson[field.Name] = value;
            }

            if (partJson.Count > 0)
            {
                content[part.Name] = partJson;
            }
        }

        return content;
    }

    private static IEnumerable<(string Property, EditorKind Kind, string Label)> CodePartInputs(string codePart) => codePart switch
    {
        nameof(TitlePart) => [(nameof(TitlePart.Title), EditorKind.Text, "Tiêu đề")],
        nameof(AutoroutePart) => [(nameof(AutoroutePart.Path), EditorKind.Text, "Đường dẫn (để trống để tạo từ tiêu đề)")],
        nameof(SummaryPart) => [(nameof(SummaryPart.Summary), EditorKind.Multiline, "Tóm tắt")],
        nameof(HtmlBodyPart) => [(nameof(HtmlBodyPart.Html), EditorKind.Html, "Nội dung")],
        nameof(PublishLaterPart) => [(nameof(PublishLaterPart.ScheduledPublishUtc), EditorKind.DateTime, "Hẹn giờ đăng (giờ Việt Nam)")],
        _ => [],
    };

    private static (string Property, EditorKind Kind) FieldInput(string fieldType) => fieldType switch
    {
        nameof(MultilineTextField) => ("Text", EditorKind.Multiline),
        nameof(HtmlField) => ("Html", EditorKind.Html),
        nameof(NumericField) => ("Value", EditorKind.Number),
        nameof(DateField) => ("Value", EditorKind.Date),
        nameof(DateTimeField) => ("Value", EditorKind.DateTime),
        nameof(BooleanField) => ("Value", EditorKind.Boolean),
        _ => ("Text", EditorKind.Text),
    };

    private static string SectionTitle(ResolvedPart part) => part.Code?.Name switch
    {
        nameof(TitlePart) => "Tiêu đề",
        nameof(AutoroutePart) => "Đường dẫn",
        nameof(SummaryPart) => "Tóm tắt",
        nameof(HtmlBodyPart) => "Nội dung",
        nameof(PublishLaterPart) => "Hẹn giờ đăng",
        _ => part.Name,
    };

    private static EditorInput Input(string name, string label, EditorKind kind, JsonNode? value, bool required, string? hint, IReadOnlyList<ContentValidationError> errors) =>
        new(name, label, kind, Display(kind, value), required, hint, [.. errors.Where(e => e.Path == name || e.Path.StartsWith(name + ".", StringComparison.Ordinal) || e.Path.StartsWith(name + "[", StringComparison.Ordinal)).Select(e => e.Message)])
        {
            Values = value is JsonArray array ? [.. array.Select(v => v?.ToString() ?? "")] : [],
            Rows = value is JsonArray rows && rows.All(r => r is JsonObject) ? [.. rows.Cast<JsonObject>()] : [],
        };

    private static string Display(EditorKind kind, JsonNode? value)
    {
        if (value is not JsonValue scalar)
        {
            return "";
        }

        if (kind == EditorKind.DateTime && scalar.TryGetValue<DateTime>(out var utc))
        {
            return VietnamTime.FromUtc(utc.ToUniversalTime()).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        }

        return scalar.ToString();
    }

    private static JsonValue? ReadValue(IFormCollection form, string name, EditorKind kind)
    {
        var raw = form[name].ToString().Trim();
        switch (kind)
        {
            case EditorKind.Boolean:
                return JsonValue.Create(form[name].Any(v => v == "true"));
            case EditorKind.Number:
                if (raw.Length == 0)
                {
                    return null;
                }

                // Vietnamese writes 3,5 where English writes 3.5; both are accepted.
                var normalized = raw.Contains('.', StringComparison.Ordinal) ? raw.Replace(",", "", StringComparison.Ordinal) : raw.Replace(',', '.');
                return decimal.TryParse(normalized, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(raw);
            case EditorKind.DateTime:
                if (raw.Length == 0)
                {
                    return null;
                }

                // The editor types Vietnam time; UTC is stored. A value that is not a time is passed on for the validator to name.
                return DateTime.TryParseExact(raw, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                    ? JsonValue.Create(DateTime.SpecifyKind(local.AddHours(-7), DateTimeKind.Utc))
                    : JsonValue.Create(raw);
            default:
                return raw.Length == 0 ? null : JsonValue.Create(form[name].ToString());
        }
    }

    private static JsonArray ReadRows(IFormCollection form, string name, string[] properties)
    {
        var rows = new JsonArray();
        for (var i = 0; i < FileRows; i++)
        {
            var path = form[$"{name}[{i}].{properties[0]}"].ToString().Trim();
            if (path.Length == 0)
            {
                continue;
            }

            var row = new JsonObject { [properties[0]] = path };
            foreach (var property in properties.Skip(1))
            {
                var value = form[$"{name}[{i}].{property}"].ToString().Trim();
                if (value.Length > 0)
                {
                    row[property] = property == "Size" && long.TryParse(value, out var size) ? JsonValue.Create(size) : JsonValue.Create(value);
                }
            }

            rows.Add(row);
        }

        return rows;
    }

    private static void Set(JsonObject target, string property, JsonNode? value)
    {
        if (value is null)
        {
            target.Remove(property);
        }
        else
        {
            target[property] = value;
        }
    }
}

/// <summary>A part's inputs in the editor.</summary>
public sealed record EditorSection(string Name, string Title, IReadOnlyList<EditorInput> Inputs, IReadOnlyList<string> Errors);

/// <summary>One input of the editor, with its current value and the errors found on it.</summary>
public sealed record EditorInput(string Name, string Label, EditorKind Kind, string Value, bool Required, string? Hint, IReadOnlyList<string> Errors)
{
    public bool Multiple { get; init; }

    public IReadOnlyList<EditorOption> Options { get; init; } = [];

    public IReadOnlyList<string> Values { get; init; } = [];

    public IReadOnlyList<JsonObject> Rows { get; init; } = [];

    public string Id => "f-" + Name.Replace('.', '-');
}

public sealed record EditorOption(string Value, string Text);

public enum EditorKind
{
    Text,
    Multiline,
    Html,
    Number,
    Date,
    DateTime,
    Boolean,
    Choice,
    Media,
    Attachments,
}
