using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Core.Data;
using CucThongKe.TextEncoding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CucThongKe.Contents.Models;

/// <summary>One version of a content item: its parts as JSON, and the columns every listing filters on.</summary>
/// <remarks>
/// A version, once saved, keeps its content for ever (Điều 8.2): a change is a new version. Only the
/// <see cref="Latest"/> and <see cref="Published"/> flags move between versions.
/// </remarks>
public sealed class ContentItem
{
    /// <summary>The version's own id (the row id).</summary>
    public long Id { get; set; }

    /// <summary>The item's id, shared by all its versions.</summary>
    public string ContentItemId { get; set; } = "";

    /// <summary>1, 2, 3... in the order the versions were saved.</summary>
    public int Version { get; set; }

    public string ContentType { get; set; } = "";

    /// <summary>The title shown in lists (from the title part).</summary>
    public string? DisplayText { get; set; }

    public bool Latest { get; set; }

    public bool Published { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When this version was saved.</summary>
    public DateTime ModifiedUtc { get; set; }

    /// <summary>When the item was first published; kept by later published versions.</summary>
    public DateTime? PublishedUtc { get; set; }

    /// <summary>The user who created the item.</summary>
    public string? Owner { get; set; }

    /// <summary>The user who wrote this version.</summary>
    public string? Author { get; set; }

    /// <summary>The unit (đơn vị) the author belonged to when writing this version (history only: access follows <see cref="UnitId"/>).</summary>
    public string? AuthorUnitId { get; set; }

    /// <summary>
    /// The unit the item belongs to: its creator's, carried by every version, changed only by a recorded transfer
    /// (<c>ContentManager.TransferAsync</c>). Every unit-scoped check (pages, API, lists, search, the workflow) reads it.
    /// </summary>
    public string? UnitId { get; set; }

    /// <summary>How this version came to be published: through the workflow, a recorded legacy import, directly, or on schedule.</summary>
    public PublishSource? PublishSource { get; set; }

    /// <summary>Who published this version, and why when the path needs a reason (the import's recipe, for instance).</summary>
    public string? PublishedBy { get; set; }

    public string? PublishNote { get; set; }

    /// <summary>True once the item is removed: no version is latest or published any more.</summary>
    public bool Removed { get; set; }

    /// <summary>The title's Vietnamese sort key (<c>VietnameseCollation.Key</c>): the back office sorts by it, Đ after D.</summary>
    public string? TitleKey { get; set; }

    /// <summary>The title folded (<c>VietnameseText.Fold</c>): the back office's title filter ignores diacritics through it.</summary>
    public string? TitleFolded { get; set; }

    public JsonObject Content { get; set; } = [];

    /// <summary>What the checks found worth telling the editor when this version was saved (not stored; empty when loaded).</summary>
    public IReadOnlyList<ContentValidationError> Warnings { get; set; } = [];

    /// <summary>Sets <see cref="TitleKey"/> and <see cref="TitleFolded"/> from <see cref="DisplayText"/>.</summary>
    public void UpdateTitleKeys()
    {
        TitleKey = VietnameseCollation.Key(DisplayText);
        var folded = VietnameseText.Fold(DisplayText);
        TitleFolded = folded.Length > 1000 ? folded[..1000] : folded;
    }

    /// <summary>A part of this version, or null when the item has none under that name.</summary>
    public TPart? Get<TPart>(string name) where TPart : class =>
        Content[name] is JsonObject node ? node.Deserialize<TPart>(CmsJson.Options) : null;

    public TPart? As<TPart>() where TPart : class => Get<TPart>(typeof(TPart).Name);

    /// <summary>Stores <paramref name="part"/> under its type name.</summary>
    public ContentItem Apply<TPart>(TPart part) where TPart : class => Apply(typeof(TPart).Name, part);

    public ContentItem Apply<TPart>(string name, TPart part) where TPart : class
    {
        Content[name] = JsonSerializer.SerializeToNode(part, CmsJson.Options);
        return this;
    }

    /// <summary>A new, unsaved version of this item carrying a copy of its content.</summary>
    public ContentItem CloneAsNewVersion() => new()
    {
        ContentItemId = ContentItemId,
        ContentType = ContentType,
        DisplayText = DisplayText,
        CreatedUtc = CreatedUtc,
        PublishedUtc = PublishedUtc,
        Owner = Owner,
        UnitId = UnitId,
        Content = Content.DeepClone().AsObject(),
    };
}

/// <summary>How a version was published (recorded on the version).</summary>
/// <remarks>
/// Stored by name in <c>ContentItems.PublishSource</c> and <c>ScheduledPublications.Source</c>;
/// <see cref="GoverningProcess"/> keeps the text it was stored under before it had this name (see <see cref="PublishSourceText"/>).
/// </remarks>
public enum PublishSource
{
    /// <summary>The publishing step of the process that governs the type (<see cref="Services.IContentGovernance"/>).</summary>
    GoverningProcess,

    /// <summary>A recipe importing content that was already published elsewhere (legacy import), with the explicit flag.</summary>
    Import,

    /// <summary>An editor allowed to publish a type no workflow governs.</summary>
    Direct,
}

/// <summary>
/// The text a <see cref="PublishSource"/> is stored as: its name, except <see cref="PublishSource.GoverningProcess"/>, which
/// keeps the text rows were written with before the engine stopped naming the approval chain. A value converter rather than
/// a data migration: stored rows, exports and an older node reading the same database all keep the same text.
/// </summary>
public static class PublishSourceText
{
    private const string GoverningProcessText = "Workflow";

    public static ValueConverter<PublishSource, string> Converter { get; } = new(v => ToText(v), v => FromText(v));

    public static string ToText(PublishSource source) => source == PublishSource.GoverningProcess ? GoverningProcessText : source.ToString();

    public static PublishSource FromText(string text) => text == GoverningProcessText ? PublishSource.GoverningProcess : Enum.Parse<PublishSource>(text);
}

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.ToTable("ContentItems");
        builder.HasKey(x => x.Id);
        builder.Ignore(x => x.Warnings);
        builder.Property(x => x.ContentItemId).HasMaxLength(32).IsRequired();
        builder.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(x => x.DisplayText).HasMaxLength(1000);
        builder.Property(x => x.TitleKey).HasMaxLength(VietnameseCollation.MaxKeyLength);
        builder.Property(x => x.TitleFolded).HasMaxLength(1000);
        builder.Property(x => x.Owner).HasMaxLength(256);
        builder.Property(x => x.Author).HasMaxLength(256);
        builder.Property(x => x.AuthorUnitId).HasMaxLength(100);
        builder.Property(x => x.UnitId).HasMaxLength(100);
        builder.Property(x => x.PublishedBy).HasMaxLength(256);
        builder.Property(x => x.PublishNote).HasMaxLength(2000);
        builder.Property(x => x.PublishSource).HasConversion(PublishSourceText.Converter).HasMaxLength(20);
        builder.Property(x => x.Content)
            .HasConversion(
                v => v.ToJsonString(CmsJson.Options),
                v => JsonNode.Parse(v, null, default)!.AsObject(),
                new ValueComparer<JsonObject>(
                    (a, b) => JsonNode.DeepEquals(a, b),
                    v => v.ToJsonString(CmsJson.Options).GetHashCode(StringComparison.Ordinal),
                    v => v.DeepClone().AsObject()))
            .IsRequired();

        // Two saves racing to write the same next version: the database lets one win.
        builder.HasIndex(x => new { x.ContentItemId, x.Version }).IsUnique();
        builder.HasIndex(x => new { x.ContentItemId, x.Latest });

        // Listings filter on a flag and sort by a date. SQLite uses an index only for equality, and EF writes a bare
        // flag ("WHERE Published"), so the date comes right after the type and the flag is carried last: the planner
        // walks the index in date order, reads the flag from it, and stops after one page.
        builder.HasIndex(x => new { x.ContentType, x.PublishedUtc, x.Published });
        builder.HasIndex(x => new { x.PublishedUtc, x.Published });
        builder.HasIndex(x => new { x.ContentType, x.ModifiedUtc, x.Latest });
        // The title rides along so that the back office's text filter (a substring test on every latest item) scans this
        // index instead of the table, whose rows carry the JSON content (100,000 items: 131 → 26 ms; see bench/README.md).
        // (The filter matches the folded title since issue 16, so the folded title rides along.)
        builder.HasIndex(x => new { x.ModifiedUtc, x.Latest, x.TitleFolded });
        // A unit's staff list their unit's items (the owning unit, not the author's: see UnitId).
        builder.HasIndex(x => new { x.UnitId, x.ModifiedUtc, x.Latest });
        // The back office's "title A–Z" walks this index in Vietnamese order.
        builder.HasIndex(x => new { x.TitleKey, x.Latest });
    }
}
