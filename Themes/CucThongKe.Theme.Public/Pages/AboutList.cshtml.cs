using CucThongKe.Contents.Published;
using CucThongKe.Core.Settings;
using CucThongKe.Theme.Public.Content;
using CucThongKe.Theme.Public.Navigation;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The listing of /gioi-thieu.</summary>
public sealed class AboutListModel(PublicContent content, SettingsStore settings) : ListingModel(content, settings)
{
    public override MenuLink Area => SiteMenu.Main.Single(m => m.Url == "/gioi-thieu");

    protected override string ContentType => PublicTypes.Page;
}
