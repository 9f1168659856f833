using CucThongKe.Contents.Published;
using CucThongKe.Core.Settings;
using CucThongKe.Theme.Public.Content;
using CucThongKe.Theme.Public.Navigation;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The listing of /hoi-dap.</summary>
public sealed class QuestionListModel(PublicContent content, SettingsStore settings) : ListingModel(content, settings)
{
    public override MenuLink Area => SiteMenu.Main.Single(m => m.Url == "/hoi-dap");

    protected override string ContentType => PublicTypes.Question;
}
