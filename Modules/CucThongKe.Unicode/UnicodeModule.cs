using CucThongKe.Contents;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Modules;
using CucThongKe.Core.Security;
using CucThongKe.Media;
using CucThongKe.Media.Library;
using CucThongKe.Unicode.Converter;
using CucThongKe.Unicode.Editor;
using CucThongKe.Unicode.HealthReport;
using CucThongKe.Unicode.Spreadsheets;
using CucThongKe.Users;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Unicode;

/// <summary>Vietnamese text integrity in the back office (Điều 15.3): legacy-encoding help in the editor, the converter
/// page, checked spreadsheets and the Unicode health report.</summary>
public sealed class UnicodeModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(ContentsModule), typeof(MediaModule), typeof(UsersModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTransient<ITagHelperComponent, UnicodeEditorAssets>();
        services.AddScoped<IUploadedFileFilter, SpreadsheetUploadFilter>();
        services.AddSingleton<ConvertedFileStore>();
        services.AddScoped<UnicodeHealthScanner>();
        services.AddPermissions<UnicodePermissions>().AddAdminMenu<UnicodeAdminMenu>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapUnicodeCheck();
}
