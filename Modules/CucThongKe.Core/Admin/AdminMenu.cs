using System.Security.Claims;

namespace CucThongKe.Core.Admin;

/// <summary>One entry of the back office's menu.</summary>
/// <param name="Group">The menu group (e.g. "Nội dung", "Hệ thống").</param>
/// <param name="Permission">The permission a user needs to see the entry; null for every back-office user.</param>
public sealed record AdminMenuItem(string Group, string Text, string Url, string? Permission, int Order = 0);

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
