using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using Microsoft.Extensions.Options;

namespace CucThongKe.Contents.Recipes;

/// <summary>The <c>ContentDefinition</c> step: parts with their fields, then types with their parts; each replaces a stored one of the same name.</summary>
internal sealed class ContentDefinitionRecipeStep(ContentDefinitionManager definitions, IOptions<ContentOptions> options, IContentGovernance governance) : IRecipeStep
{
    public string Name => "ContentDefinition";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<StepModel>();
        var registry = options.Value;

        for (var i = 0; i < model.ContentParts.Count; i++)
        {
            var part = model.ContentParts[i];
            var path = $".ContentParts[{i}]";
            CheckName(context, path + ".Name", part.Name);
            var fields = new List<ContentPartFieldDefinition>();
            for (var f = 0; f < part.Fields.Count; f++)
            {
                var field = part.Fields[f];
                var fieldPath = $"{path}.Fields[{f}]";
                CheckName(context, fieldPath + ".Name", field.Name);
                if (fields.Any(x => x.Name == field.Name))
                {
                    throw context.Error(fieldPath + ".Name", $"trường '{field.Name}' bị khai báo hai lần.");
                }

                var descriptor = registry.FindField(field.FieldType)
                    ?? throw context.Error(fieldPath + ".FieldType", $"không có kiểu trường '{field.FieldType}'. Các kiểu hợp lệ: {string.Join(", ", registry.FieldNames.Order(StringComparer.Ordinal))}.");
                CheckSettings(context, fieldPath + ".Settings", field.Settings, descriptor.SettingsType);
                fields.Add(new ContentPartFieldDefinition { Name = field.Name, FieldType = field.FieldType, DisplayName = field.DisplayName, Settings = field.Settings ?? [] });
            }

            await definitions.StorePartAsync(new ContentPartDefinition { Name = part.Name, DisplayName = part.DisplayName, Description = part.Description, Fields = fields }, cancellationToken);
        }

        for (var i = 0; i < model.ContentTypes.Count; i++)
        {
            var type = model.ContentTypes[i];
            var path = $".ContentTypes[{i}]";
            CheckName(context, path + ".Name", type.Name);
            var parts = new List<ContentTypePartDefinition>();
            for (var p = 0; p < type.Parts.Count; p++)
            {
                var part = type.Parts[p];
                var partPath = $"{path}.Parts[{p}]";
                CheckName(context, partPath + ".Name", part.Name);
                var partName = string.IsNullOrEmpty(part.PartName) ? part.Name : part.PartName;
                var code = registry.FindPart(partName);
                if (code is null && await definitions.GetPartAsync(partName, cancellationToken) is null)
                {
                    throw context.Error(partPath + (string.IsNullOrEmpty(part.PartName) ? ".Name" : ".PartName"),
                        $"không có phần '{partName}'. Các phần có sẵn: {string.Join(", ", registry.PartNames.Order(StringComparer.Ordinal))}; hoặc khai báo nó trong ContentParts.");
                }

                if (parts.Any(x => x.Name == part.Name))
                {
                    throw context.Error(partPath + ".Name", $"phần '{part.Name}' bị khai báo hai lần.");
                }

                if (code is not null)
                {
                    CheckSettings(context, partPath + ".Settings", part.Settings, code.SettingsType);
                }

                parts.Add(new ContentTypePartDefinition { Name = part.Name, PartName = partName, DisplayName = part.DisplayName, Settings = part.Settings ?? [] });
            }

            if (type.Settings is { } settings)
            {
                await CheckFieldAsync(context, path + ".Settings.RelatedItems.TaxonomyField", settings.RelatedItems?.TaxonomyField, nameof(TaxonomyField), parts, cancellationToken);
                await CheckFieldAsync(context, path + ".Settings.RelatedItems.PickerField", settings.RelatedItems?.PickerField, nameof(ContentPickerField), parts, cancellationToken);
                await CheckFieldAsync(context, path + ".Settings.Display.ImageField", settings.Display?.ImageField, nameof(MediaField), parts, cancellationToken);
                await CheckSectionsAsync(context, path + ".Settings", settings, parts, cancellationToken);
            }

            var definition = new ContentTypeDefinition
            {
                Name = type.Name,
                DisplayName = type.DisplayName!,
                Description = type.Description,
                Settings = type.Settings ?? new ContentTypeSettings(),
                Parts = parts,
            };
            if (context.Options.IsBackOffice && await definitions.GetResolvedTypeAsync(type.Name, cancellationToken) is { } stored
                && governance.GoverningProcess(stored) is var process
                && !string.Equals(process, governance.GoverningProcess(await definitions.ResolveAsync(definition, cancellationToken)), StringComparison.Ordinal))
            {
                // Otherwise a recipe could lift a type out of its governing process, publish an item directly, then put it back.
                throw context.Error(path + ".Settings." + governance.SettingsSection,
                    $"công thức chạy trong trang quản trị không được đổi quy trình duyệt của loại có sẵn '{type.Name}' (đang là '{process ?? "không có"}').");
            }

            if (context.Options.IsBackOffice && await definitions.GetResolvedTypeAsync(type.Name, cancellationToken) is { } existing)
            {
                RefuseProtectiveChange(context, path + ".Settings", type.Name, existing.Definition.Settings, definition.Settings);
            }

            await definitions.StoreTypeAsync(definition, cancellationToken);
        }
    }

    /// <summary>
    /// A recipe run from the back office keeps what stops an existing type's items from being published: its
    /// <c>Publishable</c> setting and every module's section (confidentiality, data tables, the workflow...). Otherwise an
    /// administrator could lift a rule (e.g. drop LegalDocument's confidentiality), publish, and put it back. The setup and
    /// the command line, run by the operator, may change them.
    /// </summary>
    private static void RefuseProtectiveChange(RecipeStepContext context, string path, string typeName, ContentTypeSettings stored, ContentTypeSettings next)
    {
        if (stored.Publishable != next.Publishable)
        {
            throw context.Error(path + ".Publishable",
                $"công thức chạy trong trang quản trị không được đổi việc cho đăng của loại có sẵn '{typeName}'.");
        }

        foreach (var key in stored.Sections.Keys.Union(next.Sections.Keys, StringComparer.Ordinal))
        {
            var before = stored.Sections.TryGetValue(key, out var a) ? a.GetRawText() : null;
            var after = next.Sections.TryGetValue(key, out var b) ? b.GetRawText() : null;
            if (!JsonSame(before, after))
            {
                throw context.Error(path + "." + key,
                    $"công thức chạy trong trang quản trị không được đổi thiết lập '{key}' của loại có sẵn '{typeName}'.");
            }
        }
    }

    private static bool JsonSame(string? a, string? b) =>
        a is null || b is null ? a == b : JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b));

    /// <summary>
    /// Every module's section of the type's settings: a key no module declared is refused, a declared one is read strictly
    /// as its class, and each of its properties that names a field (<see cref="ContentFieldReferenceAttribute"/>) must name one of the right kind.
    /// </summary>
    private async Task CheckSectionsAsync(RecipeStepContext context, string path, ContentTypeSettings settings, List<ContentTypePartDefinition> parts, CancellationToken cancellationToken)
    {
        if (settings.UndeclaredSections(options.Value.TypeSettingsNames).FirstOrDefault() is { } unknown)
        {
            throw context.Error($"{path}.{unknown}", $"thiết lập '{unknown}' không được hỗ trợ. Các thiết lập của mô-đun: {string.Join(", ", options.Value.TypeSettingsNames.Order(StringComparer.Ordinal))}.");
        }

        foreach (var (name, json) in settings.Sections)
        {
            var sectionPath = $"{path}.{name}";
            var sectionType = options.Value.FindTypeSettings(name)!;
            object? section;
            try
            {
                section = json.Deserialize(sectionType, CmsJson.Strict);
            }
            catch (JsonException ex)
            {
                throw context.Error(sectionPath + CmsJson.RelativePath(ex), CmsJson.Describe(ex));
            }

            foreach (var property in sectionType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<ContentFieldReferenceAttribute>() is { } reference && section is not null)
                {
                    await CheckFieldAsync(context, $"{sectionPath}.{property.Name}", property.GetValue(section) as string, reference.FieldType, parts, cancellationToken);
                }
            }
        }
    }

    /// <summary>A type setting that names one of the type's fields (<c>Part.Field</c>) must name a field of the kind it needs.</summary>
    private async Task CheckFieldAsync(RecipeStepContext context, string path, string? reference, string fieldType, List<ContentTypePartDefinition> parts, CancellationToken cancellationToken)
    {
        if (reference is null)
        {
            return;
        }

        var dot = reference.IndexOf('.', StringComparison.Ordinal);
        var part = dot > 0 ? parts.FirstOrDefault(p => p.Name == reference[..dot]) : null;
        var fields = part is null ? null : (await definitions.GetPartAsync(part.PartName, cancellationToken))?.Fields;
        if (fields?.FirstOrDefault(f => f.Name == reference[(dot + 1)..])?.FieldType != fieldType)
        {
            throw context.Error(path, $"'{reference}' không phải một trường {fieldType} của loại này (viết Phần.Trường, ví dụ News.Category).");
        }
    }

    private static void CheckName(RecipeStepContext context, string path, string name)
    {
        if (string.IsNullOrWhiteSpace(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || !char.IsAsciiLetter(name[0]))
        {
            throw context.Error(path, $"tên '{name}' chỉ gồm chữ cái không dấu, chữ số và '_', bắt đầu bằng chữ cái.");
        }
    }

    private static void CheckSettings(RecipeStepContext context, string path, JsonObject? settings, Type settingsType)
    {
        if (settings is null)
        {
            return;
        }

        try
        {
            settings.Deserialize(settingsType, CmsJson.Strict);
        }
        catch (JsonException ex)
        {
            throw context.Error(path + CmsJson.RelativePath(ex), CmsJson.Describe(ex));
        }
    }

    private sealed class StepModel
    {
        public List<PartModel> ContentParts { get; init; } = [];

        public List<TypeModel> ContentTypes { get; init; } = [];
    }

    private sealed class PartModel
    {
        public required string Name { get; init; }

        public string? DisplayName { get; init; }

        public string? Description { get; init; }

        public List<FieldModel> Fields { get; init; } = [];
    }

    private sealed class FieldModel
    {
        public required string Name { get; init; }

        public required string FieldType { get; init; }

        public string? DisplayName { get; init; }

        public JsonObject? Settings { get; init; }
    }

    private sealed class TypeModel
    {
        public required string Name { get; init; }

        public required string DisplayName { get; init; }

        public string? Description { get; init; }

        public ContentTypeSettings? Settings { get; init; }

        public List<TypePartModel> Parts { get; init; } = [];
    }

    private sealed class TypePartModel
    {
        public required string Name { get; init; }

        public string? PartName { get; init; }

        public string? DisplayName { get; init; }

        public JsonObject? Settings { get; init; }
    }
}

/// <summary>Exports every part and type definition as one <c>ContentDefinition</c> step.</summary>
internal sealed class ContentDefinitionRecipeExporter(ContentDefinitionManager definitions) : IRecipeExporter
{
    public int Order => 10;

    public async Task<JsonObject?> ExportAsync(RecipeExportOptions options, CancellationToken cancellationToken)
    {
        var parts = await definitions.ListPartsAsync(cancellationToken);
        var types = await definitions.ListTypesAsync(cancellationToken);
        if (parts.Count == 0 && types.Count == 0)
        {
            return null;
        }

        return new JsonObject
        {
            ["name"] = "ContentDefinition",
            ["ContentParts"] = JsonSerializer.SerializeToNode(parts, CmsJson.Options),
            ["ContentTypes"] = JsonSerializer.SerializeToNode(types, CmsJson.Options),
        };
    }
}
