using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CucThongKe.Theme.Public.Navigation;

/// <summary>The trail of links above a page's heading; pages add to it through ViewData, the layout shows it.</summary>
public static class Breadcrumb
{
    private const string Key = "Breadcrumb";

    public static void Set(ViewDataDictionary viewData, params MenuLink[] links) => viewData[Key] = links;

    public static IReadOnlyList<MenuLink> Get(ViewDataDictionary viewData) => viewData[Key] as MenuLink[] ?? [];

    /// <summary>The area an item's path belongs to, from its first segment.</summary>
    public static MenuLink? AreaOf(string? path)
    {
        var first = path?.Split('/', 2)[0];
        return first is null ? null : SiteMenu.Main.FirstOrDefault(m => m.Url == "/" + first);
    }
}
