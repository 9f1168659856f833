using System.Text.Json.Nodes;
using CucThongKe.Contents;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Modules;
using CucThongKe.Media;
using CucThongKe.OutputCache;
using CucThongKe.Statistics.DataTables;
using CucThongKe.Statistics.Indexing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Statistics;

/// <summary>Statistics: the socio-economic reports' index and archive, their data tables (read, checked at save, downloaded).</summary>
public sealed class StatisticsModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(ContentsModule), typeof(MediaModule), typeof(OutputCacheModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddContentIndexProvider<ReportIndexProvider>();
        services.AddContentTypeSettings<DataTablesTypeSettings>(DataTablesTypeSettings.SectionName);
        // Sites set up before the setting keep the rule that named the type (the report's DataFiles).
        services.AddTypeSettingUpgrade("Statistics.DataTables", StatisticsTypes.SocioEconomicReport, DataTablesTypeSettings.SectionName,
            new JsonObject { ["Field"] = "SocioEconomicReport.DataFiles" }, "SocioEconomicReport.DataFiles", nameof(AttachmentField));
        services.AddContentHandler<DataFileValidationHandler>();
        services.AddScoped<ReportArchive>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/bang-so-lieu/{id}/{index:int}/{format}", DataTableEndpoints.DownloadAsync).CachePublicPage();
}
