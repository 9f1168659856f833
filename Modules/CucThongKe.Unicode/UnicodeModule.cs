using CucThongKe.Contents;
using CucThongKe.Core.Modules;
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
    }
}
