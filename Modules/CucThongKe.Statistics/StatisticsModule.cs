using System.Text.Json.Nodes;
using CucThongKe.Contents;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Security;
using CucThongKe.Core.Modules;
using CucThongKe.Media;
using CucThongKe.OutputCache;
using CucThongKe.Search;
using CucThongKe.Search.Querying;
using CucThongKe.Statistics.Calendar;
using CucThongKe.Statistics.DataTables;
using CucThongKe.Statistics.Indicators;
using CucThongKe.Statistics.Indexing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Statistics;

/// <summary>Statistics: the socio-economic reports' index and archive, their data tables (read, checked at save, downloaded),
/// indicators and their series, and the release calendar.</summary>
public sealed class StatisticsModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(ContentsModule), typeof(MediaModule), typeof(OutputCacheModule), typeof(SearchModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddContentIndexProvider<ReportIndexProvider>();
        services.AddContentTypeSettings<DataTablesTypeSettings>(DataTablesTypeSettings.SectionName);
        // Sites set up before the setting keep the rule that named the type (the report's DataFiles).
        services.AddTypeSettingUpgrade("Statistics.DataTables", StatisticsTypes.SocioEconomicReport, DataTablesTypeSettings.SectionName,
            new JsonObject { ["Field"] = "SocioEconomicReport.DataFiles" }, "SocioEconomicReport.DataFiles", nameof(AttachmentField));
        services.AddContentHandler<DataFileValidationHandler>();
        services.AddScoped<ReportArchive>();
        // "CPI tháng 10" on the search page shows the released value above the results.
        services.AddScoped<ISearchAnswerProvider, IndicatorSearchAnswers>();
        services.AddScoped<ReleaseCalendar>().AddScoped<IReleaseCodes, IndicatorCodes>().AddScoped<IndicatorStore>().AddScoped<IndicatorSources>();
        // The page cache forgets what showed a release when its planned time comes (no content change happens then).
        services.AddSingleton<ReleaseSignal>().AddHostedService<ReleaseTimeEviction>();
        services.AddRecipeStep<IndicatorsRecipeStep>().AddRecipeStep<ReleaseCalendarRecipeStep>().AddRecipeStep<IndicatorValuesRecipeStep>();
        services.AddPermissions<StatisticsPermissions>().AddAdminMenu<StatisticsAdminMenu>();
        // Sites set up before indicators and the calendar existed: the grants the setup recipe gives a new site.
        services.AddDefaultGrants("Statistics.DefaultGrants",
            new DefaultGrant(StatisticsPermissions.ImportIndicatorValues.Name, "Administrator", "BoardHead", "BoardMember", "BoardSecretary"),
            new DefaultGrant(StatisticsPermissions.ManageReleaseCalendar.Name, "Administrator", "BoardHead", "BoardSecretary"));
        services.AddFailureStatus<IndicatorImportException>(StatusCodes.Status400BadRequest, "Số liệu không hợp lệ");
        services.AddFailureStatus<ReleaseEntryException>(StatusCodes.Status400BadRequest, "Đợt công bố không hợp lệ");
        services.AddFailureStatus<StatTableException>(StatusCodes.Status400BadRequest, "Tệp số liệu không hợp lệ");
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/bang-so-lieu/{id}/{index:int}/{format}", DataTableEndpoints.DownloadAsync).CachePublicPage();
        endpoints.MapGet("/chi-so/{code}/tai-ve/{format}", IndicatorEndpoints.DownloadAsync).CachePublicPage();
        endpoints.MapGet("/lich-cong-bo.ics", CalendarEndpoints.ICalendarAsync).CachePublicPage();
        endpoints.MapGet("/lich-cong-bo/rss", CalendarEndpoints.RssAsync).CachePublicPage();
    }
}
