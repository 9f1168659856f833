using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Recipes;

/// <summary>The <c>Content</c> step: new items with their parts, as drafts or published.</summary>
/// <remarks>
/// <para>Publishing an item of a type a process governs (<see cref="IContentGovernance"/>: the approval chain) is a legacy import, a deliberate migration act: the step must say
/// <c>"LegacyImport": true</c> and the run must allow it (<see cref="RecipeRunOptions.AllowsLegacyImport"/>: the setup of an
/// empty site, or <c>recipe run FILE --legacy-import</c>; never the back office, whatever the file says).</para>
/// <para>The step only creates: an entry whose id the site already has is refused, so a recipe never replaces what readers
/// see. The person running the recipe is recorded as owner, author and publisher; a name in the file (<c>Author</c>,
/// <c>Owner</c>) is kept only as the import note's "original author" of a published import.</para>
/// </remarks>
internal sealed class ContentRecipeStep(ContentManager contents, ContentDefinitionManager definitions, CmsDbContext db, IContentGovernance governance, IUnitDirectory units, RecipeCreatedItems created) : IRecipeStep
{
    /// <summary>How the import note labels the author the file names (never recorded as the version's author).</summary>
    public const string OriginalAuthorLabel = "Tác giả gốc (theo tệp nhập)";

    private static readonly HashSet<string> MetaProperties = new(StringComparer.Ordinal)
    {
        "ContentItemId", "ContentType", "Published", "PublishedUtc", "CreatedUtc", "Owner", "Author", "AuthorUnitId", "UnitId", "DisplayText",
    };

    /// <summary>Fields that write an item's history (who, which unit, when): a migration's, not the back office's.</summary>
    private static readonly string[] HistoryFields = ["Owner", "Author", "AuthorUnitId", "CreatedUtc", "PublishedUtc"];

    public string Name => "Content";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var key in context.Step.Select(p => p.Key).Where(k => k is not ("name" or "Data" or "LegacyImport")))
        {
            throw context.Error("." + key, "thuộc tính không được hỗ trợ ở đây (chỉ có Data và LegacyImport).");
        }

        var legacyImport = context.Step["LegacyImport"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
        if (legacyImport && context.Options.LegacyImportRefusal is { } refusal)
        {
            throw context.Error(".LegacyImport", refusal);
        }

        if (context.Step["Data"] is not JsonArray data)
        {
            throw context.Error(".Data", "thiếu danh sách nội dung 'Data' (một mảng).");
        }

        var options = context.Options;

        // An item the file gives no unit belongs to its author's, the person running the recipe: without a unit no one
        // could take its workflow's first step (the author's unit submits).
        var runnersUnit = await units.UnitOfUserAsync(options.ActorUserName, cancellationToken);
        var createdHere = new HashSet<string>(StringComparer.Ordinal);
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

            var governed = governance.GoverningProcess(type) is not null;
            if (meta.Published && governed && !legacyImport)
            {
                throw context.Error(path + ".Published", options.IsBackOffice
                    ? $"'{type.Definition.DisplayName}' chỉ được đăng qua quy trình duyệt; " + options.LegacyImportRefusal
                    : $"'{type.Definition.DisplayName}' chỉ được đăng qua quy trình duyệt; nhập nội dung đã đăng từ hệ thống cũ cần \"LegacyImport\": true ở bước này.");
            }

            if (options.IsBackOffice && FirstHistoryField(entry) is { } historyField)
            {
                // The back office records what happens now, by whom: no backdating, no writing in another person's name.
                throw context.Error($"{path}.{historyField}",
                    $"công thức chạy trong trang quản trị không được đặt '{historyField}': người tạo, người viết, đơn vị và thời điểm là của người chạy công thức, lúc chạy.");
            }

            if (meta.ContentItemId is { } id && !createdHere.Contains(id)
                && await db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == id, cancellationToken))
            {
                throw context.Error(path + ".ContentItemId",
                    $"trang đã có nội dung mã '{id}'; công thức chỉ tạo nội dung mới, không ghi đè nội dung có sẵn (hãy sửa nó trong trang quản trị, qua quy trình duyệt).");
            }

            var item = new ContentItem
            {
                ContentItemId = meta.ContentItemId ?? ContentManager.NewId(),
                ContentType = meta.ContentType,
                Content = new JsonObject(entry.Where(p => !MetaProperties.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
            };

            try
            {
                // A later entry with the same id adds a version to an item this step created (an export lists an
                // item's published version, then its newer draft). A new item belongs to the unit it names (or its author's), and its
                // runner owns it from the start, so that a workflow starts with them as author.
                var saved = createdHere.Contains(item.ContentItemId)
                    ? await contents.SaveDraftAsync(item, null, cancellationToken)
                    : await contents.CreateForUnitAsync(item, meta.UnitId ?? meta.AuthorUnitId ?? runnersUnit, options.ActorUserName, cancellationToken);
                createdHere.Add(saved.ContentItemId);
                created.Add(context.Recipe, saved.ContentItemId);
                ApplyMeta(saved, meta, options);
                await db.SaveChangesAsync(cancellationToken);
                if (meta.Published)
                {
                    var request = new PublishRequest(governed ? PublishSource.Import : PublishSource.Direct, options.ActorUserName, ImportNote(context, meta));
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

    /// <summary>The first field of <paramref name="entry"/> that would write history (who, which unit, when), or null.</summary>
    private static string? FirstHistoryField(JsonObject entry) =>
        HistoryFields.FirstOrDefault(entry.ContainsKey);

    /// <summary>The publish note: the recipe it came from and, clearly labelled, the author the file names.</summary>
    private static string ImportNote(RecipeStepContext context, ItemMeta meta)
    {
        var note = $"Nhập từ công thức '{context.Recipe.Name}' ({context.Recipe.File}).";
        var original = meta.Author ?? meta.Owner;
        if (!string.IsNullOrWhiteSpace(original))
        {
            note += $" {OriginalAuthorLabel}: {original}" + (meta.AuthorUnitId is { } unit ? $" (đơn vị {unit})." : ".");
        }

        return note.Length <= 2000 ? note : note[..2000];
    }

    private static void ApplyMeta(ContentItem saved, ItemMeta meta, RecipeRunOptions options)
    {
        // The person running the recipe answers for what it creates: a name in the file is not an account's signature.
        saved.Owner = options.ActorUserName;
        saved.Author = options.ActorUserName;

        // A migration keeps the item's unit and dates (the back office refuses these fields before this point).
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
