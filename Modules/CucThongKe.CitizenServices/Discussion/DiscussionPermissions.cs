using System.Security.Claims;
using CucThongKe.CitizenServices.Screening;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Security;

namespace CucThongKe.CitizenServices.Discussion;

/// <summary>Who opens items for discussion (the board) and who moderates readers' comments.</summary>
public sealed class DiscussionPermissions : IPermissionProvider
{
    public static readonly Permission OpenDiscussion = new("OpenDiscussion", "Mở, đóng thảo luận của bạn đọc về một nội dung", "Ý kiến bạn đọc");

    /// <summary>Defined with screening (moderators judge comments and screened submissions alike), which Discussion uses.</summary>
    public static readonly Permission ModerateComments = ScreeningPermissions.ModerateComments;

    public IEnumerable<Permission> GetPermissions() => [OpenDiscussion];
}

/// <summary>The moderators' queue in the back office's menu.</summary>
internal sealed class DiscussionAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Nội dung", "Kiểm duyệt ý kiến", "/admin/y-kien", DiscussionPermissions.ModerateComments.Name, 45),
    ];
}

/// <summary>
/// On the edit page of an item whose type may be discussed, for the board: whether readers' discussion is open, and the way to
/// open or close it (<c>/admin/thao-luan/{id}</c>).
/// </summary>
internal sealed class DiscussionEditorPanel(Discussions discussions) : IEditorPanelProvider
{
    public async Task<EditorPanel?> BuildAsync(ContentItem item, ResolvedContentType type, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!type.Parts.Any(p => p.Code?.Type == typeof(DiscussionPart)))
        {
            return null;
        }

        // A consultation's period is in its fields: its unit reads the summary of the comments; nobody opens or closes it.
        if (type.Section<DiscussionTypeSettings>() is not null)
        {
            return new EditorPanel("EditorPanels/Discussion", new DiscussionPanelModel(item.ContentItemId, null, HasPeriod: true), Position: 20);
        }

        return user.HasPermission(DiscussionPermissions.OpenDiscussion.Name)
            ? new EditorPanel("EditorPanels/Discussion", new DiscussionPanelModel(item.ContentItemId, await discussions.StateAsync(item.ContentItemId, cancellationToken), HasPeriod: false), Position: 20)
            : null;
    }
}

/// <summary>What the discussion panel shows: the board's open or closed state, or for a consultation the way to its summary.</summary>
public sealed record DiscussionPanelModel(string ContentItemId, DiscussionState? State, bool HasPeriod)
{
    public string ManageUrl => $"/admin/thao-luan/{ContentItemId}";

    public string SummaryUrl => $"/admin/lay-y-kien/{ContentItemId}";
}
