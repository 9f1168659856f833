using CucThongKe.Contents.Published;
using CucThongKe.Core.Settings;
using CucThongKe.Theme.Public.Content;
using CucThongKe.Theme.Public.Navigation;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The listing of /tin-tuc.</summary>
public sealed class NewsListModel(PublicContent content, SettingsStore settings) : ListingModel(content, settings)
{
    public override MenuLink Area => SiteMenu.Main.Single(m => m.Url == "/tin-tuc");

    protected override string ContentType => PublicTypes.News;

    protected override string? CategoryTaxonomy => PublicTypes.NewsCategories;
}
