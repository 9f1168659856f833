using CucThongKe.Core.Admin;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Backup;
using CucThongKe.Core.Caching;
using CucThongKe.Core.Cluster;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Mail;
using CucThongKe.Core.Maintenance;
using CucThongKe.Core.Modules;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Security;
using CucThongKe.Core.Settings;
using CucThongKe.Core.SettingsAdmin;
using CucThongKe.Core.Setup;
using CucThongKe.Core.Telemetry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Core;

/// <summary>The platform: recipes, settings, permissions, setup and the back office's recipe pages.</summary>
public sealed class CoreModule : CmsModule
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // First of every module's services: hosted services stop in reverse order, so the leases are released after the loops stopped.
        services.AddSingleton<BackgroundLeases>();
        services.AddHostedService(s => s.GetRequiredService<BackgroundLeases>());
        // Next: stops after the loops, before the release; keeps a lease through a loop's sleep longer than a lease.
        services.AddHostedService<BackgroundLeaseRenewal>();
        // Sign-in cookies and antiforgery tokens survive restarts and are read by every node: the key ring lives in the
        // database (a site that kept it in {DataPath}/keys has it copied in once at start-up, KeysToDatabaseUpgrade).
        services.AddDataProtection().SetApplicationName("CucThongKe");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new DatabaseXmlRepository(scopes));
        services.AddSiteUpgrade<KeysToDatabaseUpgrade>();
        // What nodes share at once (Cms:Cluster:Redis, optional on one node): messages, rate-limit counts, short-lived marks.
        services.AddSingleton<SharedRedis>();
        services.AddSingleton<ISharedCounters>(s => s.GetRequiredService<SharedRedis>());
        services.AddStartupCheck<SharedRedis>();

        services.AddSingleton(TimeProvider.System);
        services.AddBoundedCaches(configuration);
        services.AddCmsTelemetry(configuration);
        services.AddHttpContextAccessor();
        services.AddCleanTextInput();
        // A save that lost a race on a concurrency token: whichever module's service let it through, it is a conflict.
        services.AddFailureStatus<DbUpdateConcurrencyException>(StatusCodes.Status409Conflict, FailureTitles.Conflict,
            _ => "Người khác vừa thay đổi nội dung này trước bạn. Hãy tải lại.");
        services.AddScoped<ICurrentActor, HttpContextActor>();
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.SectionName));
        services.AddSingleton<ICmsMailSender, SmtpCmsMailSender>();

        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.SectionName));
        services.AddScoped<SiteBackup>();
        services.AddCommand<BackupCommand>();
        services.AddCommand<RestoreCommand>();
        services.AddHostedService<DailyBackupService>();

        services.AddSingleton<RecipeHarvester>();
        services.AddScoped<RecipeExecutor>();
        services.AddScoped<RecipeExportService>();
        services.AddScoped<SetupService>();
        services.AddScoped<SettingsStore>();

        services.AddSettingsDocument<SiteSettings>(SiteSettings.DocumentName);
        services.AddScoped<SiteSettingsEditor>();
        services.AddFailureStatus<SiteSettingsInputException>(StatusCodes.Status400BadRequest, FailureTitles.BadRequest);
        services.AddRecipeStep<SettingsRecipeStep>();
        services.AddRecipeExporter<SettingsRecipeExporter>();

        services.AddScoped<UnitOfWork>();
        services.AddScoped<AdminAuditLog>();
        // Records (the workflow record, the admin-audit log) are append-only whichever provider the site runs on.
        services.AddSingleton<AppendOnlyGuard>();
        services.ConfigureDbContext<SqliteCmsDbContext>((s, o) => o.AddInterceptors(s.GetRequiredService<AppendOnlyGuard>()));
        services.ConfigureDbContext<PostgresCmsDbContext>((s, o) => o.AddInterceptors(s.GetRequiredService<AppendOnlyGuard>()));

        services.AddSingleton<PermissionCatalog>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddPermissions<CorePermissions>();
        services.AddAdminMenu<CoreAdminMenu>();
        services.AddScoped<DisplayNames>();

        // Planned downtime: the working-day calendar of the notice rule, the windows, their cache read by every request.
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.SectionName));
        services.AddSingleton(s =>
        {
            var calendar = s.GetRequiredService<Microsoft.Extensions.Options.IOptions<CalendarOptions>>().Value;
            return new WorkingCalendar(calendar.ExtraDaysOff, calendar.ExtraWorkingDays);
        });
        services.AddOptions<MaintenanceOptions>().Bind(configuration.GetSection(MaintenanceOptions.SectionName));
        services.AddSingleton<MaintenanceState>();
        services.AddSingleton<SiteAnalytics>();
        services.AddScoped<MaintenanceSchedule>();
        services.AddFailureStatus<MaintenanceInputException>(StatusCodes.Status400BadRequest, FailureTitles.BadRequest);
        // Sites set up before: the technical staff (as for the incident log) schedule windows.
        services.AddDefaultGrants("Core.Maintenance.DefaultGrants", new DefaultGrant(CorePermissions.ManageMaintenance.Name, "Administrator", "Publisher"));
        // The same technical staff read the node's metrics (/metrics) in a browser; Prometheus uses the token.
        services.AddDefaultGrants("Core.Metrics.DefaultGrants", new DefaultGrant(CorePermissions.ViewMetrics.Name, "Administrator", "Publisher"));

        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AuthorizeFolder("/Admin", CorePermissions.AccessAdmin.Name));
    }

    // Before the page cache (OutputCache's early middleware comes after Core's): no cached page is served during a window.
    public override void ConfigureEarly(IApplicationBuilder app) => app.UseMiddleware<MaintenanceMiddleware>();
}

internal sealed class CoreAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        new("Hệ thống", "Công thức (recipe)", "/admin/recipes", CorePermissions.ManageRecipes.Name, 90),
        new("Hệ thống", "Nhật ký quản trị", "/admin/nhat-ky-quan-tri", CorePermissions.ViewAdminAudit.Name, 95),
        new("Hệ thống", "Lịch bảo trì", "/admin/bao-tri", CorePermissions.ManageMaintenance.Name, 96),
        new("Hệ thống", "Cài đặt trang", "/admin/cai-dat", CorePermissions.ManageSettings.Name, 89),
    ];
}
