using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Display;
using CucThongKe.Contents.Published;

namespace CucThongKe.CitizenServices.Discussion;

/// <summary>Marks a type whose items the board may open for readers' discussion (thảo luận, Điều 2.3, 14.4).</summary>
/// <remarks>
/// It stores nothing in the item: whether an item is open is the board's act, recorded in <see cref="DiscussionState"/> outside
/// the item's versions, so opening a published item for discussion needs no new version through the approval chain.
/// </remarks>
public sealed class DiscussionPart : ContentPart;

/// <summary>What the item page shows of a discussion: the accepted comments (first page) and whether new ones are taken.</summary>
/// <param name="ContentItemId">The item, for the link to the comment form and the full list.</param>
/// <param name="Window">When readers may comment.</param>
/// <param name="NotYetOpen">Whether the period has not begun.</param>
/// <param name="Comments">The first accepted comments, oldest first.</param>
public sealed record DiscussionDisplay(string ContentItemId, DiscussionWindow Window, bool NotYetOpen, PagedList<PublicComment> Comments)
{
    /// <summary>Whether readers may comment now.</summary>
    public bool IsOpen => Window.IsOpen;

    /// <summary>The page where readers comment and read every accepted comment.</summary>
    public string FormUrl => Discussions.PublicUrl(ContentItemId);
}

/// <summary>Draws the discussion under an item open (or once opened) for it; nothing for an item never opened, unpublished or hidden.</summary>
public sealed class DiscussionPartDisplayDriver(Discussions discussions) : ContentPartDisplayDriver<DiscussionPart>
{
    /// <summary>The zone after the item's own content (the public item page writes it below the article).</summary>
    public const string Placement = "After:10";

    protected override async ValueTask DisplayAsync(DiscussionPart part, ContentElementDisplayContext context)
    {
        if (context.DisplayType != DisplayTypes.Detail || !context.Item.Published)
        {
            return;
        }

        if (await discussions.DisplayAsync(context.Item, 1, default) is { } display)
        {
            context.Add(nameof(DiscussionPart), display, Placement);
        }
    }
}
