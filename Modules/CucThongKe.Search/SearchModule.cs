using CucThongKe.Contents;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Modules;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Security;
using CucThongKe.Core.Settings;
using CucThongKe.Core.Setup;
using CucThongKe.Core.Telemetry;
using CucThongKe.Media;
using CucThongKe.Search.Indexing;
using CucThongKe.Search.Querying;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CucThongKe.Search;

/// <summary>Vietnamese full-text search (tìm kiếm): a Lucene index per node that follows the indexing-task log, the /tim-kiem page and /api/search.</summary>
public sealed class SearchModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(ContentsModule), typeof(MediaModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(s => new SearchIndexStore(Path.Combine(
            s.GetRequiredService<IOptions<CmsOptions>>().Value.ResolveDataPath(s.GetRequiredService<IWebHostEnvironment>().ContentRootPath), "search", "public")));
        services.AddSingleton<RebuildStatus>();
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<SearchService>();
        services.AddSingleton<SearchSynonyms.Cache>().AddScoped<SearchSynonyms>();
        services.AddScoped<SearchDocumentBuilder>();
        services.AddScoped<SearchIndexSource>();
        services.AddHostedService<SearchIndexingService>();
        services.AddQueueLength<IndexingQueueLength>();
        // Sites set up before the synonym list: the setup recipe's groups, as a new site has them.
        services.AddSiteUpgrade<DefaultSynonymsUpgrade>();

        services
            .AddPermissions<SearchPermissions>()
            .AddAdminMenu<SearchAdminMenu>()
            .AddSettingsDocument<SearchSettings>(SearchSettings.DocumentName)
            .AddSettingsDocument<SearchSynonymSettings>(SearchSynonymSettings.DocumentName)
            .AddRecipeStep<SearchIndexRecipeStep>()
            .AddRecipeStep<SearchSynonymsRecipeStep>()
            .AddRecipeEventHandler<SearchSettingsCacheReset>()
            .AddCommand<SearchCommand>()
            // Sites set up before the synonym list: who may edit it, as the setup recipe gives a new site.
            .AddDefaultGrants("Search.DefaultGrants", new DefaultGrant(SearchPermissions.ManageSearchSynonyms.Name, "Administrator", "BoardHead", "BoardSecretary"));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapSearchApi();
}

/// <summary>Permissions of the search module.</summary>
public sealed class SearchPermissions : IPermissionProvider
{
    public static readonly Permission ManageSearch = new("ManageSearch", "Quản lý chỉ mục tìm kiếm (xây dựng lại)", "Hệ thống");

    public static readonly Permission ManageSearchSynonyms = new("ManageSearchSynonyms", "Quản lý từ đồng nghĩa khi tìm kiếm", "Hệ thống");

    public IEnumerable<Permission> GetPermissions() => [ManageSearch, ManageSearchSynonyms];
}

internal sealed class SearchAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Hệ thống", "Chỉ mục tìm kiếm", "/admin/search", SearchPermissions.ManageSearch.Name, 80),
        new("Hệ thống", "Từ đồng nghĩa khi tìm kiếm", "/admin/tu-dong-nghia", SearchPermissions.ManageSearchSynonyms.Name, 81),
        // Like the content list: shown to every back-office user, the page itself checks who may search.
        new("Nội dung", "Tìm nội dung", "/admin/tim-kiem", null, 15),
    ];
}
