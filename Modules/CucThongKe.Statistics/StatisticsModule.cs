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
using CucThongKe.Statistics.OpenData;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace CucThongKe.Statistics;

/// <summary>Statistics: the socio-economic reports' index and archive, their data tables (read, checked at save, downloaded),
/// indicators and their series, and the release calendar.</summary>
public sealed class StatisticsModule : CmsModule
{
    /// <summary>The OpenAPI description of the public API.</summary>
    public const string OpenApiPath = "/api/openapi.json";

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

        // Open data (issue 15 item 4): the catalogue, reports and indicators linked both ways, the read-only API.
        services.AddScoped<OpenDataCatalog>().AddScoped<IndicatorReports>();
        services.AddOptions<OpenDataOptions>().Bind(configuration.GetSection(OpenDataOptions.SectionName));
        services.AddPerAddressRateLimit<OpenDataOptions>(DataApi.RateLimitPolicy, o => o.ApiRequestsPerMinute, TimeSpan.FromMinutes(1), postsOnly: false);
        // Any site may read the data from a browser: GET only, no cookies (AllowAnyOrigin never allows credentials).
        services.AddCors(o => o.AddPolicy(DataApi.CorsPolicy, policy => policy.AllowAnyOrigin().WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithHeaders(HeaderNames.IfNoneMatch, HeaderNames.Accept).WithExposedHeaders(HeaderNames.ETag).SetPreflightMaxAge(TimeSpan.FromDays(1))));
        // The public API's description: the open data API and the search API, nothing of the back office's.
        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath is { } path && (path.StartsWith("api/data/", StringComparison.Ordinal) || path == "api/search");
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "API dữ liệu công khai - Cục Thống kê tỉnh Thái Nguyên";
                document.Info.Version = "1";
                document.Info.Description = "Chỉ đọc, không cần đăng nhập: chỉ số và chuỗi số liệu đã công bố (/api/data), tìm kiếm (/api/search). "
                    + "Khi sử dụng lại phải ghi nguồn (Điều 8.1): dòng trích dẫn có trong mỗi câu trả lời.";
                return Task.CompletedTask;
            });
        });
    }

    public override void Configure(IApplicationBuilder app) => app.UseCors();

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/bang-so-lieu/{id}/{index:int}/{format}", DataTableEndpoints.DownloadAsync).CachePublicPage();
        endpoints.MapGet("/chi-so/{code}/tai-ve/{format}", IndicatorEndpoints.DownloadAsync).CachePublicPage();
        endpoints.MapGet("/lich-cong-bo.ics", CalendarEndpoints.ICalendarAsync).CachePublicPage();
        endpoints.MapGet("/lich-cong-bo/rss", CalendarEndpoints.RssAsync).CachePublicPage();
        DataApi.Map(endpoints);
        endpoints.MapOpenApi(OpenApiPath).RequireCors(DataApi.CorsPolicy).CachePublicPage();
    }
}
