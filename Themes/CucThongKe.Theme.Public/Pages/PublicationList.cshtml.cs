using CucThongKe.Contents.Published;
using CucThongKe.Core.Settings;
using CucThongKe.Theme.Public.Content;
using CucThongKe.Theme.Public.Navigation;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The listing of /an-pham.</summary>
public sealed class PublicationListModel(PublicContent content, SettingsStore settings) : ListingModel(content, settings)
{
    public override MenuLink Area => SiteMenu.Main.Single(m => m.Url == "/an-pham");

    protected override string ContentType => PublicTypes.Publication;
}
