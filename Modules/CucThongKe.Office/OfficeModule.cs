using CucThongKe.Contents;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Services;
using CucThongKe.Core;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Mail;
using CucThongKe.Core.Modules;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Security;
using CucThongKe.Office.Contributions;
using CucThongKe.Office.Incidents;
using CucThongKe.Office.Monitoring;
using CucThongKe.Office.Obligations;
using CucThongKe.Office.Royalties;
using CucThongKe.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CucThongKe.Office;

/// <summary>Running the office by the regulation: units' reporting obligations (Điều 9.1, 17.1) and the incident log with the site's own checks (Điều 11.6).</summary>
public sealed class OfficeModule : CmsModule
{
    /// <summary>The accountant (Kế toán) of the royalty ledger, a role of the setup recipe.</summary>
    public const string AccountantRole = "Accountant";

    public override IReadOnlyList<Type> Dependencies => [typeof(CoreModule), typeof(WorkflowsModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ObligationOptions>().Bind(configuration.GetSection(ObligationOptions.SectionName));
        // Sites set up before this module: the grants the setup recipe gives (the board reads every unit's obligations
        // and defines them; the technical staff, Publisher and Administrator, keep the incident log).
        services.AddDefaultGrants("Office.DefaultGrants",
            new DefaultGrant(OfficePermissions.ViewAllObligations.Name, "Administrator", "Director", "BoardHead", "BoardMember", "BoardSecretary"),
            new DefaultGrant(OfficePermissions.ManageObligations.Name, "Administrator", "BoardHead", "BoardSecretary"),
            new DefaultGrant(OfficePermissions.ManageIncidents.Name, "Administrator", "Publisher"));
        services.AddOptions<IncidentOptions>().Bind(configuration.GetSection(IncidentOptions.SectionName));
        services.AddOptions<RoyaltyOptions>().Bind(configuration.GetSection(RoyaltyOptions.SectionName));
        services.AddOptions<ContributionOptions>().Bind(configuration.GetSection(ContributionOptions.SectionName));

        // The royalty ledger came after the first grants: sites set up before it get the accountant's role and the grants
        // the setup recipe gives (the board reads every person's entries; the board's head sets the rates with the accountant).
        services.AddDefaultGrants("Office.Royalties.DefaultGrants",
            [new DefaultRole(AccountantRole, "Kế toán", "Duyệt, điều chỉnh và khóa sổ nhuận bút hằng tháng; giữ bảng mức nhuận bút (Điều 6.2c).")],
            new DefaultGrant(CorePermissions.AccessAdmin.Name, AccountantRole),
            new DefaultGrant(OfficePermissions.ViewAllRoyalties.Name, "Administrator", "Director", "BoardHead", AccountantRole),
            new DefaultGrant(OfficePermissions.ManageRoyalties.Name, "Administrator", AccountantRole),
            new DefaultGrant(OfficePermissions.ManageRoyaltyRates.Name, "Administrator", "BoardHead", AccountantRole),
            new DefaultGrant(OfficePermissions.ViewAllContributions.Name, "Administrator", "Director", "BoardHead", "BoardMember", "BoardSecretary"));

        // Reporting obligations: due dates on the site's one working calendar (Core's, Cms:Calendar), the catalogue, the
        // scheduler and the queries. The extra days once set under Cms:Office:Obligations are added to it, so such a site keeps them.
        services.AddOptions<CalendarOptions>().PostConfigure<IOptions<ObligationOptions>>((calendar, obligations) =>
        {
            calendar.ExtraDaysOff = [.. calendar.ExtraDaysOff.Union(obligations.Value.ExtraDaysOff)];
            calendar.ExtraWorkingDays = [.. calendar.ExtraWorkingDays.Union(obligations.Value.ExtraWorkingDays)];
        });
        services.AddSingleton<ObligationSchedule>();
        services.AddSingleton<ObligationsSignal>();
        services.AddSingleton<LoopHeartbeats>();
        services.AddScoped<ObligationCatalog>();
        services.AddScoped<ObligationTracker>();
        services.AddScoped<ObligationQueries>();
        services.AddScoped<IObligationTimeliness>(s => s.GetRequiredService<ObligationQueries>());
        services.AddHostedService<ObligationScheduler>();

        // Incidents: the log, the checks and what feeds them (answers' status codes, failed mail).
        services.AddScoped<IncidentLog>();
        services.AddScoped<SiteHealth>();
        services.AddScoped<IncidentMonitor>();
        services.AddSingleton<ErrorRateCounter>();
        services.AddSingleton<MailFailures>();
        services.AddSingleton<DatabaseOutage>();
        services.AddSingleton<CertificateExpiry>();
        services.AddHostedService<IncidentMonitorLoop>();
        DecorateMailSender(services);

        // Royalties: the rate table, the ledger, the credits part on paid types and the publication event that drafts entries.
        services.AddScoped<RoyaltyRates>();
        services.AddScoped<RoyaltyLedger>();
        services.AddContentPart<RoyaltyCreditsPart>().UseEditorDriver<RoyaltyCreditsPartEditorDriver>();
        services.AddContentCommittedHandler<RoyaltyPublicationHandler>();

        // Contribution and timeliness statistics: read from the chain's record, the obligations and the ledger.
        services.AddScoped<ContributionStatistics>();

        services
            .AddFailureStatus<ObligationInputException>(StatusCodes.Status400BadRequest, FailureTitles.BadRequest)
            .AddFailureStatus<ObligationFilterException>(StatusCodes.Status400BadRequest, FailureTitles.BadRequest)
            .AddFailureStatus<IncidentInputException>(StatusCodes.Status400BadRequest, FailureTitles.BadRequest)
            .AddFailureStatus<RoyaltyInputException>(StatusCodes.Status400BadRequest, FailureTitles.BadRequest)
            .AddFailureStatus<RoyaltyPeriodClosedException>(StatusCodes.Status409Conflict, FailureTitles.Conflict);

        services
            .AddPermissions<OfficePermissions>()
            .AddAdminMenu<OfficeAdminMenu>()
            .AddDashboardWidget<ObligationsWidget>()
            .AddDashboardWidget<IncidentsWidget>()
            .AddRecipeStep<ObligationsRecipeStep>()
            .AddRecipeStep<IncidentsRecipeStep>()
            .AddRecipeStep<RoyaltiesRecipeStep>()
            .AddDashboardWidget<RoyaltyWidget>()
            .AddDashboardWidget<ContributionWidget>();
    }

    // Counted before routing so that every answer, static files and refusals included, is in the error rate.
    public override void ConfigureEarly(IApplicationBuilder app) => app.UseMiddleware<ErrorRateMiddleware>();

    // The sender Core registered, wrapped so that each failed attempt reaches the incident log; callers see the failure as before.
    private static void DecorateMailSender(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ICmsMailSender));
        if (registered?.ImplementationType is not { } type || registered.Lifetime != ServiceLifetime.Singleton)
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton(type);
        services.AddSingleton<ICmsMailSender>(s => new FailureRecordingMailSender((ICmsMailSender)s.GetRequiredService(type), s.GetRequiredService<MailFailures>()));
    }
}
