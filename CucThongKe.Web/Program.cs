using CucThongKe.CitizenServices;
using CucThongKe.Contents;
using CucThongKe.Contents.Api;
using CucThongKe.Core.Hosting;
using CucThongKe.Feeds;
using CucThongKe.LegalDocuments;
using CucThongKe.Media;
using CucThongKe.Office;
using CucThongKe.OutputCache;
using CucThongKe.Search;
using CucThongKe.Statistics;
using CucThongKe.Theme.Admin;
using CucThongKe.Theme.Public;
using CucThongKe.Unicode;
using CucThongKe.Users;
using CucThongKe.Workflows;

var app = Program.BuildSite(args);
app.UseCms();
return await app.RunCmsAsync(args);

/// <summary>The host: the site is the sum of the modules and themes listed here; each registers what it brings.</summary>
public partial class Program
{
    /// <summary>Builds the site from its modules (benchmarks and tools build it the same way).</summary>
    public static WebApplication BuildSite(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddCms(migrationsAssembly: typeof(Program).Assembly, modules => modules
            .Add<ContentsModule>()
            .Add<MediaModule>()
            .Add<UsersModule>()
            .Add<SearchModule>()
            .Add<WorkflowsModule>()
            .Add<ContentsApiModule>()
            .Add<UnicodeModule>()
            .Add<OutputCacheModule>()
            .Add<LegalDocumentsModule>()
            .Add<StatisticsModule>()
            .Add<FeedsModule>()
            .Add<CitizenServicesModule>()
            .Add<OfficeModule>()
            .Add<AdminThemeModule>()
            .Add<PublicThemeModule>());
        return builder.Build();
    }
}
