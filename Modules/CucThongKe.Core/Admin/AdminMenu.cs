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
