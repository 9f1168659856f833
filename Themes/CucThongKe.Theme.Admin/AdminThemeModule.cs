using CucThongKe.Core;
using CucThongKe.Core.Modules;

namespace CucThongKe.Theme.Admin;

/// <summary>The back office's look: the admin layout, its menu and styles.</summary>
public sealed class AdminThemeModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(CoreModule)];
}
