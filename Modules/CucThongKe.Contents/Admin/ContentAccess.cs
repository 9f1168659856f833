using System.Security.Claims;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Security;

namespace CucThongKe.Contents.Admin;

/// <summary>Who may see and edit which items in the back office: the board everything, a unit its own items.</summary>
public static class ContentAccess
{
    public static string? UnitOf(ClaimsPrincipal user) => user.FindFirst(CmsClaims.Unit)?.Value;

    /// <summary>Null when the user sees every unit's items; otherwise the only unit they see.</summary>
    public static string? VisibleUnit(ClaimsPrincipal user) =>
        user.HasPermission(ContentsPermissions.ViewAllContent.Name) || user.HasPermission(ContentsPermissions.EditAllContent.Name)
            ? null
            : UnitOf(user) ?? "\u0000no-unit";

    public static bool CanView(ClaimsPrincipal user, ContentItem item) => CanViewUnit(user, item.UnitId);

    /// <summary>Whether the user sees items of <paramref name="unit"/> (the unit an item belongs to).</summary>
    public static bool CanViewUnit(ClaimsPrincipal user, string? unit) =>
        VisibleUnit(user) is not { } visible || (unit is not null && unit == visible);

    public static bool CanCreate(ClaimsPrincipal user) =>
        user.HasPermission(ContentsPermissions.EditContent.Name) || user.HasPermission(ContentsPermissions.EditAllContent.Name);

    public static bool CanEdit(ClaimsPrincipal user, ContentItem item) => CanEditUnit(user, item.UnitId);

    /// <summary>Whether the user edits items of <paramref name="unit"/>: the board every unit's, a writer their own.</summary>
    public static bool CanEditUnit(ClaimsPrincipal user, string? unit) =>
        user.HasPermission(ContentsPermissions.EditAllContent.Name) ||
        (user.HasPermission(ContentsPermissions.EditContent.Name) && unit is not null && unit == UnitOf(user));

    /// <summary>Whether the user moves items from one unit to another (a recorded transfer, with a reason).</summary>
    public static bool CanTransfer(ClaimsPrincipal user) => user.HasPermission(ContentsPermissions.TransferContent.Name);
}
