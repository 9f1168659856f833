using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CucThongKe.Theme.Public.Localization;

/// <summary>The words of the site's chrome (header, menu, breadcrumb, footer, unit names) in the page's language, from the
/// theme's resources (<c>Resources/Chrome.resx</c>, Vietnamese; <c>Chrome.en.resx</c>, English): one layout for both sections.</summary>
/// <remarks>A page says it is English with <c>ViewData["Language"] = "en"</c>; every other page is Vietnamese. A missing
/// English entry falls back to the Vietnamese one, and an entry with no Vietnamese value (the office's and units' names)
/// to the name in the data, which the view then marks <c>lang="vi"</c>.</remarks>
public sealed class ChromeText
{
    private static readonly ResourceManager Resources = new("CucThongKe.Theme.Public.Resources.Chrome", typeof(ChromeText).Assembly);
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en");

    public static readonly ChromeText Vietnamese = new(false);
    public static readonly ChromeText English = new(true);

    private ChromeText(bool english) => IsEnglish = english;

    public bool IsEnglish { get; }

    public string Language => IsEnglish ? "en" : "vi";

    /// <summary>The chrome of the page's language.</summary>
    public static ChromeText For(ViewDataDictionary viewData) => viewData["Language"] as string == "en" ? English : Vietnamese;

    /// <summary>The entry <paramref name="key"/>; the key itself when the resources lack it (a mistake the tests catch).</summary>
    public string this[string key] => Find(key) ?? key;

    /// <summary>The entry with its placeholders filled.</summary>
    public string Format(string key, params object?[] values) => string.Format(CultureInfo.InvariantCulture, this[key], values);

    /// <summary>A menu link's title (keyed by its path, <c>Menu.tin-tuc</c>), or its own title when there is no entry.</summary>
    public string Menu(Navigation.MenuLink link) => Find("Menu." + (link.Url == "/" ? "home" : link.Url.Trim('/'))) ?? link.Title;

    /// <summary>A unit's name in the page's language, or null when only the data's (Vietnamese) name exists.</summary>
    public string? Unit(string unitId) => IsEnglish ? Find("Unit." + unitId) : null;

    /// <summary>An entry with no Vietnamese value, such as the office's name: null on Vietnamese pages, where the data's name is used.</summary>
    public string? Translated(string key) => IsEnglish ? Find(key) : null;

    private string? Find(string key) =>
        Resources.GetString(key, IsEnglish ? EnglishCulture : CultureInfo.InvariantCulture) is { Length: > 0 } value ? value : null;
}
