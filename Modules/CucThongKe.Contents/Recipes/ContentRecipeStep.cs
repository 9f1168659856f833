using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Recipes;

/// <summary>The <c>Content</c> step: items with their parts, as drafts or published.</summary>
/// <remarks>
/// Publishing an item of a type a workflow governs is a legacy import: the step must say <c>"LegacyImport": true</c>,
/// and each version it publishes records the import and the recipe it came from.
/// </remarks>
internal sealed class ContentRecipeStep(ContentManager contents, ContentDefinitionManager definitions, CmsDbContext db) : IRecipeStep
{
    private static readonly HashSet<string> MetaProperties = new(StringComparer.Ordinal)
    {
        "ContentItemId", "ContentType", "Published", "PublishedUtc", "CreatedUtc", "Owner", "Author", "AuthorUnitId", "UnitId", "DisplayText",
    };

    public string Name => "Content";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var key in context.Step.Select(p => p.Key).Where(k => k is not ("name" or "Data" or "LegacyImport")))
        {
            throw context.Error("." + key, "thuộc tính không được hỗ trợ ở đây (chỉ có Data và LegacyImport).");
        }

        var legacyImport = context.Step["LegacyImport"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
        if (context.Step["Data"] is not JsonArray data)
        {
            throw context.Error(".Data", "thiếu danh sách nội dung 'Data' (một mảng).");
        }

        for (var i = 0; i < data.Count; i++)
        {
            var path = $".Data[{i}]";
            if (data[i] is not JsonObject entry)
            {
                throw context.Error(path, "mỗi nội dung phải là một đối tượng JSON.");
            }

            var meta = context.Read<ItemMeta>(new JsonObject(entry.Where(p => MetaProperties.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))), path);
            var type = await definitions.GetResolvedTypeAsync(meta.ContentType, cancellationToken)
                ?? throw context.Error(path + ".ContentType", $"không có loại nội dung '{meta.ContentType}'.");

            var governed = !string.IsNullOrEmpty(type.Definition.Settings.Workflow);
            if (meta.Published && governed && !legacyImport)
            {
                throw context.Error(path + ".Published",
                    $"'{type.Definition.DisplayName}' chỉ được đăng qua quy trình duyệt; nhập nội dung đã đăng từ hệ thống cũ cần \"LegacyImport\": true ở bước này.");
            }

            var item = new ContentItem
            {
                ContentItemId = meta.ContentItemId ?? ContentManager.NewId(),
                ContentType = meta.ContentType,
                Content = new JsonObject(entry.Where(p => !MetaProperties.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
            };

            ContentItem saved;
            try
            {
                var exists = await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == item.ContentItemId && c.Latest, cancellationToken);
                // An imported item belongs to the unit it names (or its author's); an existing item keeps its unit (a transfer is explicit).
                saved = exists
                    ? await contents.SaveDraftAsync(item, null, cancellationToken)
                    : await contents.CreateForUnitAsync(item, meta.UnitId ?? meta.AuthorUnitId, cancellationToken);
                ApplyMeta(saved, meta, context.Options.ActorUserName);
                await db.SaveChangesAsync(cancellationToken);
                if (meta.Published)
                {
                    var request = new PublishRequest(governed ? PublishSource.Import : PublishSource.Direct, context.Options.ActorUserName ?? "recipe",
                        $"Nhập từ công thức '{context.Recipe.Name}' ({context.Recipe.File}).");
                    await contents.PublishAsync(saved.ContentItemId, saved.Id, request, cancellationToken);
                    if (meta.PublishedUtc is { } publishedUtc)
                    {
                        saved.PublishedUtc = DateTime.SpecifyKind(publishedUtc.ToUniversalTime(), DateTimeKind.Utc);
                        await db.SaveChangesAsync(cancellationToken);
                    }
                }
            }
            catch (ContentValidationException ex)
            {
                var first = ex.Errors[0];
                throw context.Error($"{path}.{first.Path}", first.Message + (ex.Errors.Count > 1 ? $" (và {ex.Errors.Count - 1} lỗi khác)" : ""));
            }
            catch (ContentPublishRefusedException ex)
            {
                throw context.Error(path + ".Published", ex.Message);
            }
            catch (ContentConflictException ex)
            {
                throw context.Error(path + ".ContentItemId", ex.Message);
            }
        }
    }

    private static void ApplyMeta(ContentItem saved, ItemMeta meta, string? actorUserName)
    {
        // Imported content keeps its history: who wrote it, for which unit, and when.
        saved.Owner = meta.Owner ?? saved.Owner ?? actorUserName;
        saved.Author = meta.Author ?? saved.Author ?? actorUserName;
        saved.AuthorUnitId = meta.AuthorUnitId ?? saved.AuthorUnitId;
        if (meta.CreatedUtc is { } created)
        {
            saved.CreatedUtc = DateTime.SpecifyKind(created.ToUniversalTime(), DateTimeKind.Utc);
        }
    }

    private sealed class ItemMeta
    {
        public string? ContentItemId { get; init; }

        public required string ContentType { get; init; }

        public bool Published { get; init; }

        public DateTime? PublishedUtc { get; init; }

        public DateTime? CreatedUtc { get; init; }

        public string? Owner { get; init; }

        public string? Author { get; init; }

        public string? AuthorUnitId { get; init; }

        /// <summary>The unit the item belongs to (defaults to the author's unit).</summary>
        public string? UnitId { get; init; }

        public string? DisplayText { get; init; }
    }
}

/// <summary>Exports content on request: each item's published version, then its newer draft if it has one.</summary>
internal sealed class ContentRecipeExporter(CmsDbContext db) : IRecipeExporter
{
    public int Order => 1000;

    public async Task<JsonObject?> ExportAsync(RecipeExportOptions options, CancellationToken cancellationToken)
    {
        if (!options.IncludeContent)
        {
            return null;
        }

        var versions = await db.Set<ContentItem>().AsNoTracking()
            .Where(c => c.Published || c.Latest)
            .OrderBy(c => c.CreatedUtc).ThenBy(c => c.ContentItemId).ThenBy(c => c.Version)
            .ToListAsync(cancellationToken);
        var data = new JsonArray();
        foreach (var version in versions)
        {
            var entry = new JsonObject
            {
                ["ContentItemId"] = version.ContentItemId,
                ["ContentType"] = version.ContentType,
                ["Published"] = version.Published,
                ["CreatedUtc"] = version.CreatedUtc,
                ["Owner"] = version.Owner,
                ["Author"] = version.Author,
                ["AuthorUnitId"] = version.AuthorUnitId,
                ["UnitId"] = version.UnitId,
            };
            if (version.PublishedUtc is { } publishedUtc && version.Published)
            {
                entry["PublishedUtc"] = publishedUtc;
            }

            foreach (var (key, value) in version.Content)
            {
                entry[key] = value?.DeepClone();
            }

            foreach (var key in entry.Where(p => p.Value is null).Select(p => p.Key).ToList())
            {
                entry.Remove(key);
            }

            data.Add(entry);
        }

        return data.Count == 0 ? null : new JsonObject { ["name"] = "Content", ["LegacyImport"] = true, ["Data"] = data };
    }
}
