using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Models;

namespace CucThongKe.CitizenServices.Discussion;

/// <summary>
/// The <c>Discussion</c> section of a content type's settings: the two date-time fields that bound the period in which readers
/// comment on its items (a draft document's consultation: <c>"Discussion": { "OpensField": "Consultation.OpensAt",
/// "ClosesField": "Consultation.ClosesAt" }</c>). A type with <see cref="DiscussionPart"/> but without the section is opened
/// and closed by the board, item by item.
/// </summary>
public sealed class DiscussionTypeSettings
{
    public const string SectionName = "Discussion";

    /// <summary>The field holding when comments open, as <c>Part.Field</c>.</summary>
    [ContentFieldReference(nameof(DateTimeField))]
    public required string OpensField { get; init; }

    /// <summary>The field holding when comments close.</summary>
    [ContentFieldReference(nameof(DateTimeField))]
    public required string ClosesField { get; init; }
}

/// <summary>When readers may comment on an item: shown at all, open now, and its period when its type sets one.</summary>
public sealed record DiscussionWindow(bool IsOpen, DateTime? OpensUtc, DateTime? ClosesUtc, DiscussionState? State)
{
    /// <summary>The window of an item whose type bounds the period by two of its fields (the one place that reads the section);
    /// null when the type sets no period.</summary>
    public static DiscussionWindow? OfPeriod(ResolvedContentType type, ContentItem item, DateTime nowUtc)
    {
        if (type.Section<DiscussionTypeSettings>() is not { } settings)
        {
            return null;
        }

        var opens = type.FieldValue<DateTimeField>(item, settings.OpensField)?.Value;
        var closes = type.FieldValue<DateTimeField>(item, settings.ClosesField)?.Value;
        return new DiscussionWindow(opens is { } o && o <= nowUtc && (closes is not { } c || nowUtc < c), opens, closes, null);
    }

    /// <summary>The window of an item the board opens and closes.</summary>
    public static DiscussionWindow OfState(DiscussionState state) => new(state.IsOpen, state.OpenedUtc, state.ClosedUtc, state);

    /// <summary>Whether the period has not begun yet (a consultation announced before it opens).</summary>
    public bool NotYetOpen(DateTime nowUtc) => State is null && OpensUtc is { } opens && nowUtc < opens;
}
