using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Core.Data;
using Microsoft.Extensions.Options;

namespace CucThongKe.Contents.Services;

/// <summary>Checks an item against its type and cleans it: NFC text, sanitised HTML, known parts and fields, right value types.</summary>
public sealed class ContentValidator(IOptions<ContentOptions> options)
{
    /// <summary>Cleans <paramref name="item"/>'s content in place and returns what is wrong with it: it may be saved
    /// when every entry is a warning (<see cref="ContentValidationError.IsWarning"/>).</summary>
    public async Task<IReadOnlyList<ContentValidationError>> PrepareAndValidateAsync(ContentItem item, ResolvedContentType type)
    {
        var errors = new List<ContentValidationError>();
        item.Content = (JsonObject)TextNormalizer.NormalizeNode(item.Content)!;

        foreach (var key in item.Content.Select(p => p.Key).ToList())
        {
            if (type.Parts.All(p => p.Name != key))
            {
                errors.Add(new(key, $"Loại '{type.Definition.DisplayName}' không có phần '{key}'."));
            }
        }

        foreach (var part in type.Parts)
        {
            var node = item.Content[part.Name] ?? new JsonObject();
            if (node is not JsonObject partObject)
            {
                errors.Add(new(part.Name, "Phần này phải là một đối tượng JSON."));
                continue;
            }

            item.Content[part.Name] = partObject;
            if (part.Code is not null)
            {
                await PreparePartAsync(item, type, part, partObject, errors);
            }
            else
            {
                foreach (var key in partObject.Select(p => p.Key).Where(k => part.Fields.All(f => f.Name != k)).ToList())
                {
                    errors.Add(new($"{part.Name}.{key}", $"Phần '{part.Name}' không có trường '{key}'."));
                }
            }

            foreach (var field in part.Fields)
            {
                await PrepareFieldAsync(item, type, part, field, partObject, errors);
            }
        }

        LegacyTextRules.Check(item.Content, type, errors);
        if (errors.All(e => e.IsWarning))
        {
            item.DisplayText = item.As<TitlePart>()?.Title ?? item.DisplayText;
        }

        return errors;
    }

    private static async Task PreparePartAsync(ContentItem item, ResolvedContentType type, ResolvedPart part, JsonObject partObject, List<ContentValidationError> errors)
    {
        // The code part's own properties are read strictly; the part's fields are read next, each by its kind.
        var own = new JsonObject(partObject.Where(p => part.Fields.All(f => f.Name != p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        ContentPart? value;
        try
        {
            value = (ContentPart?)own.Deserialize(part.Code!.Type, CmsJson.Strict);
        }
        catch (JsonException ex)
        {
            errors.Add(new(part.Name + CmsJson.RelativePath(ex), CmsJson.Describe(ex)));
            return;
        }

        if (value is null)
        {
            return;
        }

        var context = new ContentElementContext(item, type.Definition, part.Name, part.TypePart.DisplayName ?? part.Name, part.TypePart.Settings, part.Code.SettingsType, errors);
        try
        {
            value.Prepare(context);
            var prepared = JsonSerializer.SerializeToNode(value, part.Code.Type, CmsJson.Options)!.AsObject();
            foreach (var (key, propertyValue) in prepared)
            {
                partObject[key] = propertyValue?.DeepClone();
            }

            await value.ValidateAsync(context);
        }
        catch (JsonException ex)
        {
            // A part that reads another part (the route reads the title) meets that part's bad value.
            errors.Add(new(part.Name, CmsJson.Describe(ex)));
        }
    }

    private async Task PrepareFieldAsync(ContentItem item, ResolvedContentType type, ResolvedPart part, ContentPartFieldDefinition field, JsonObject partObject, List<ContentValidationError> errors)
    {
        var path = $"{part.Name}.{field.Name}";
        var descriptor = options.Value.FindField(field.FieldType);
        if (descriptor is null)
        {
            errors.Add(new(path, $"Kiểu trường '{field.FieldType}' không tồn tại."));
            return;
        }

        ContentField? value;
        try
        {
            value = (ContentField?)(partObject[field.Name] ?? new JsonObject()).Deserialize(descriptor.Type, CmsJson.Strict);
        }
        catch (JsonException ex)
        {
            errors.Add(new(path + CmsJson.RelativePath(ex), CmsJson.Describe(ex)));
            return;
        }

        if (value is null)
        {
            return;
        }

        var context = new ContentElementContext(item, type.Definition, path, field.DisplayName ?? field.Name, field.Settings, descriptor.SettingsType, errors);
        value.Prepare(context);
        partObject[field.Name] = JsonSerializer.SerializeToNode(value, descriptor.Type, CmsJson.Options);
        await value.ValidateAsync(context);
    }
}
