using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Core.Data;
using CucThongKe.Contents.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CucThongKe.Contents.Definitions;

/// <summary>The site's content types and parts, read from the database and cached until they change.</summary>
public sealed class ContentDefinitionManager(CmsDbContext db, ContentDefinitionCache cache, IOptions<ContentOptions> options, TimeProvider clock)
{
    private ContentDefinitionSnapshot? _uncommitted;

    public async Task<ContentTypeDefinition?> GetTypeAsync(string name, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).Types.GetValueOrDefault(name);

    /// <summary>The type with its parts' code and fields, or null when there is no such type.</summary>
    public async Task<ResolvedContentType?> GetResolvedTypeAsync(string name, CancellationToken cancellationToken = default)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        return snapshot.Types.TryGetValue(name, out var type) ? snapshot.Resolve(type, options.Value) : null;
    }

    /// <summary>Resolves a definition that is not stored (yet), e.g. one a recipe is about to store.</summary>
    public async Task<ResolvedContentType> ResolveAsync(ContentTypeDefinition definition, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).ResolveUncached(definition, options.Value);

    /// <summary>
    /// The type resolved, without awaiting: for a rule that must answer synchronously about a loaded item (a reader-visibility
    /// rule). Read from the shared cache; only when a change has just emptied it are the definitions read synchronously, once.
    /// </summary>
    public ResolvedContentType? GetResolvedType(string name)
    {
        var snapshot = _uncommitted ?? cache.Current ?? cache.Set(Snapshot(db.Set<ContentDefinitionRecord>().AsNoTracking().ToList()));
        return snapshot.Types.TryGetValue(name, out var type) ? snapshot.Resolve(type, options.Value) : null;
    }

    public async Task<ContentPartDefinition?> GetPartAsync(string name, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).Parts.GetValueOrDefault(name);

    public async Task<IReadOnlyList<ContentTypeDefinition>> ListTypesAsync(CancellationToken cancellationToken = default) =>
        [.. (await GetSnapshotAsync(cancellationToken)).Types.Values.OrderBy(t => t.Name, StringComparer.Ordinal)];

    public async Task<IReadOnlyList<ContentPartDefinition>> ListPartsAsync(CancellationToken cancellationToken = default) =>
        [.. (await GetSnapshotAsync(cancellationToken)).Parts.Values.OrderBy(p => p.Name, StringComparer.Ordinal)];

    public async Task StoreTypeAsync(ContentTypeDefinition definition, CancellationToken cancellationToken = default) =>
        await StoreAsync(ContentDefinitionRecord.TypeKind, definition.Name, JsonSerializer.Serialize(definition, CmsJson.Options), cancellationToken);

    /// <summary>
    /// Adds a setting to a stored type when it lacks it (a site upgrade: a setting that replaced a rule on the type's name
    /// is written for the type that rule named): <paramref name="value"/> under <paramref name="key"/> of its settings,
    /// only when the type exists, has no such key and, when <paramref name="field"/> is given, has that field
    /// (<c>Part.Field</c>) of kind <paramref name="fieldType"/>. True when the type was changed.
    /// </summary>
    public async Task<bool> AddMissingTypeSettingAsync(string typeName, string key, JsonNode value, string? field = null, string? fieldType = null, CancellationToken cancellationToken = default)
    {
        if (await GetResolvedTypeAsync(typeName, cancellationToken) is not { } type
            || (field is not null && type.FindField(field)?.Field.FieldType != fieldType))
        {
            return false;
        }

        // The stored text, not the definition read back: a setting left at its default is absent there, and stays absent.
        var stored = await db.Set<ContentDefinitionRecord>().AsNoTracking()
            .Where(r => r.Kind == ContentDefinitionRecord.TypeKind && r.Name == type.Name).Select(r => r.Json).FirstAsync(cancellationToken);
        var json = JsonNode.Parse(stored)!.AsObject();
        if (json["Settings"] is not JsonObject settings)
        {
            json["Settings"] = settings = [];
        }

        if (settings.ContainsKey(key))
        {
            return false;
        }

        settings[key] = value.DeepClone();
        await StoreAsync(ContentDefinitionRecord.TypeKind, type.Name, json.ToJsonString(CmsJson.Options), cancellationToken);
        return true;
    }

    public async Task StorePartAsync(ContentPartDefinition definition, CancellationToken cancellationToken = default) =>
        await StoreAsync(ContentDefinitionRecord.PartKind, definition.Name, JsonSerializer.Serialize(definition, CmsJson.Options), cancellationToken);

    private async Task StoreAsync(string kind, string name, string json, CancellationToken cancellationToken)
    {
        var record = await db.Set<ContentDefinitionRecord>().FirstOrDefaultAsync(r => r.Kind == kind && r.Name == name, cancellationToken);
        if (record is null)
        {
            record = new ContentDefinitionRecord { Kind = kind, Name = name, Json = json };
            db.Add(record);
        }

        record.Json = json;
        record.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);

        // Until the surrounding transaction commits, this scope reads its own writes and the shared cache is left alone.
        _uncommitted = await LoadAsync(cancellationToken);
        cache.Invalidate();
    }

    private async Task<ContentDefinitionSnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        if (_uncommitted is not null)
        {
            return _uncommitted;
        }

        return cache.Current ?? cache.Set(await LoadAsync(cancellationToken));
    }

    private async Task<ContentDefinitionSnapshot> LoadAsync(CancellationToken cancellationToken) =>
        Snapshot(await db.Set<ContentDefinitionRecord>().AsNoTracking().ToListAsync(cancellationToken));

    private static ContentDefinitionSnapshot Snapshot(List<ContentDefinitionRecord> records)
    {
        var types = new Dictionary<string, ContentTypeDefinition>(StringComparer.Ordinal);
        var parts = new Dictionary<string, ContentPartDefinition>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.Kind == ContentDefinitionRecord.TypeKind)
            {
                types[record.Name] = JsonSerializer.Deserialize<ContentTypeDefinition>(record.Json, CmsJson.Options)!;
            }
            else
            {
                parts[record.Name] = JsonSerializer.Deserialize<ContentPartDefinition>(record.Json, CmsJson.Options)!;
            }
        }

        return new ContentDefinitionSnapshot(types, parts);
    }
}

/// <summary>All definitions at one moment.</summary>
public sealed record ContentDefinitionSnapshot(
    IReadOnlyDictionary<string, ContentTypeDefinition> Types,
    IReadOnlyDictionary<string, ContentPartDefinition> Parts)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ResolvedContentType> _resolved = new(StringComparer.Ordinal);

    public ResolvedContentType Resolve(ContentTypeDefinition type, ContentOptions options) =>
        _resolved.GetOrAdd(type.Name, _ => ResolveUncached(type, options));

    /// <summary>Resolves <paramref name="type"/> against these parts without keeping it (a definition not stored yet).</summary>
    public ResolvedContentType ResolveUncached(ContentTypeDefinition type, ContentOptions options) =>
        new(type, [.. type.Parts.Select(p => new ResolvedPart(
            p.Name,
            p,
            options.FindPart(p.PartName),
            Parts.TryGetValue(p.PartName, out var part) ? part.Fields : []))], options);
}

/// <summary>The committed definitions, shared by every request until a change resets them.</summary>
public sealed class ContentDefinitionCache
{
    private volatile ContentDefinitionSnapshot? _current;

    public ContentDefinitionSnapshot? Current => _current;

    public ContentDefinitionSnapshot Set(ContentDefinitionSnapshot snapshot) => _current = snapshot;

    public void Invalidate() => _current = null;
}
