using CucThongKe.Contents;
using CucThongKe.Core.Modules;

namespace CucThongKe.Theme.Public;

/// <summary>The public site's look: layout, home page, item pages, error page.</summary>
public sealed class PublicThemeModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(ContentsModule)];
}
