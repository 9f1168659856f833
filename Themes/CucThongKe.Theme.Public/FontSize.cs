using CucThongKe.Core.Hosting;
using CucThongKe.OutputCache;
using Microsoft.AspNetCore.Http;

namespace CucThongKe.Theme.Public;

/// <summary>The reader's text size (A- A A+), kept in a cookie so it works without JavaScript.</summary>
public static class FontSize
{
    public const string Cookie = "ctk-co-chu";

    public static readonly IReadOnlyList<string> Sizes = ["nho", "vua", "lon", "rat-lon"];

    /// <summary>The size from the cookie, or the default.</summary>
    public static string Current(HttpRequest request) =>
        request.Cookies.TryGetValue(Cookie, out var value) && Sizes.Contains(value) ? value : "vua";

    public static string Smaller(string size) => Sizes[Math.Max(0, IndexOf(size) - 1)];

    public static string Larger(string size) => Sizes[Math.Min(Sizes.Count - 1, IndexOf(size) + 1)];

    /// <summary>Only a path of this site, by the site's one check (<see cref="LocalUrl"/>); the home page otherwise.</summary>
    public static string SafeReturn(string? url) => LocalUrl.OrDefault(url);

    private static int IndexOf(string size) => Math.Max(0, Sizes.ToList().IndexOf(size));
}

/// <summary>Pages differ by text size: the page cache keeps one copy per size.</summary>
internal sealed class FontSizeVariation : IPublicPageVariation
{
    public string Of(HttpRequest request) => FontSize.Current(request);
}
