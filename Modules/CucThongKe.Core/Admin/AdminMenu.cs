using System.Security.Claims;
using CucThongKe.Core.Security;

namespace CucThongKe.Core.Admin;

/// <summary>One entry of the back office's menu.</summary>
/// <param name="Group">The menu group (e.g. "Nội dung", "Hệ thống").</param>
/// <param name="Permission">The permission a user needs to see the entry; null for every back-office user.</param>
/// <param name="OrPermission">Another permission that shows the entry too, for a page open to either (the trash: writers
/// of their unit's items and the board, who edits every unit's).</param>
public sealed record AdminMenuItem(string Group, string Text, string Url, string? Permission, int Order = 0, string? OrPermission = null)
{
    /// <summary>Whether <paramref name="user"/> sees the entry: the same rule as the page's own authorization.</summary>
    public bool IsVisibleTo(ClaimsPrincipal user) =>
        Permission is null || user.HasPermission(Permission) || (OrPermission is not null && user.HasPermission(OrPermission));
}

/// <summary>A module's entries in the back office's menu.</summary>
public interface IAdminMenuProvider
{
    IEnumerable<AdminMenuItem> GetItems();
}

/// <summary>A link in the back office's header for the signed-in user, e.g. "Thông báo (3 chưa đọc)".</summary>
public sealed record AdminHeaderLink(string Text, string Url);

/// <summary>A module's link in the back office's header (asked on every back-office page: keep it to one cheap query).</summary>
public interface IAdminHeaderLinkProvider
{
    Task<AdminHeaderLink?> GetLinkAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
