using CucThongKe.Feeds;
using CucThongKe.Theme.Public.Content;
using CucThongKe.Theme.Public.Navigation;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CucThongKe.Theme.Public.Feeds;

/// <summary>The site's RSS feeds (served by module Feeds, which this list configures), and the feeds a page advertises with &lt;link rel="alternate"&gt;.</summary>
public static class FeedCatalog
{
    public const string AllUrl = "/rss";

    public static readonly IReadOnlyList<FeedArea> Areas =
    [
        new("tin-tuc", PublicTypes.News, "Tin tức", PublicTypes.NewsCategories, "/tin-tuc/chuyen-muc/"),
        new("van-ban", PublicTypes.LegalDocument, "Văn bản", PublicTypes.DocumentTypes),
        new("tinh-hinh-kinh-te-xa-hoi", PublicTypes.SocioEconomicReport, "Tình hình kinh tế - xã hội", PublicTypes.ReportPeriods),
        new("an-pham", PublicTypes.Publication, "Ấn phẩm thống kê", null),
        new("hoi-dap", PublicTypes.Question, "Hỏi đáp", null),
    ];

    private const string Key = "Feeds";

    public static FeedArea? Find(string slug) => Areas.FirstOrDefault(a => a.Slug == slug);

    /// <summary>The feed of the area at <paramref name="areaUrl"/> (a menu link such as /tin-tuc), and of its category if one is shown.</summary>
    public static void Advertise(ViewDataDictionary viewData, string areaUrl, (string TermId, string Name)? category = null)
    {
        if (Find(areaUrl.TrimStart('/')) is not { } area)
        {
            return;
        }

        viewData[Key] = category is { } c && area.Taxonomy is not null
            ? new MenuLink[] { new($"{area.Title}: {c.Name}", area.CategoryUrl(c.TermId)), new(area.Title, area.Url) }
            : [new(area.Title, area.Url)];
    }

    /// <summary>The feeds this page advertises besides the site's feed of everything.</summary>
    public static IReadOnlyList<MenuLink> Advertised(ViewDataDictionary viewData) => viewData[Key] as MenuLink[] ?? [];
}
