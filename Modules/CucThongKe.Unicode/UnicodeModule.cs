using CucThongKe.Contents;
using CucThongKe.Core.Modules;
using CucThongKe.Unicode.Editor;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Unicode;

/// <summary>Vietnamese text integrity in the back office (Điều 15.3): legacy-encoding help in the editor, the converter
/// page, checked spreadsheets and the Unicode health report.</summary>
public sealed class UnicodeModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(ContentsModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTransient<ITagHelperComponent, UnicodeEditorAssets>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapUnicodeCheck();
}
