using CucThongKe.Contents;
using CucThongKe.Contents.Services;
using CucThongKe.Core;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Modules;
using CucThongKe.Users;
using CucThongKe.Users.Security;
using CucThongKe.Workflows.Api;
using CucThongKe.Workflows.Definitions;
using CucThongKe.Workflows.Instances;
using CucThongKe.Workflows.Notifications;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CucThongKe.Workflows;

/// <summary>The approval chain (Quy chế 181/QĐ-CTK): workflow definitions as data, their enforcement, the record, the inbox and the JSON API.</summary>
public sealed class WorkflowsModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(CoreModule), typeof(ContentsModule), typeof(UsersModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<WorkflowDefinitionValidator>();
        services.AddScoped<WorkflowDefinitionStore>();
        services.AddScoped<WorkflowService>();
        services.AddScoped<WorkflowRecorder>();
        services.AddScoped<WorkflowStateNotifications>();
        services.AddScoped<WorkflowStateActions>();
        services.AddScoped<EmergencyPublication>();
        services.AddScoped<WorkflowTracker>();
        services.AddScoped<WorkflowInbox>();
        services.AddScoped<WorkflowEscalation>();
        services.AddScoped<WorkflowNotifier>();
        services.AddScoped<CucThongKe.Core.Auditing.IAdminAuditListener, BoardAuditNotifier>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<IRevocableCredentials, ApiTokens>();
        services.AddSingleton<ApiTokenUsage>();
        services.AddHostedService<DeadlineEscalationService>();
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<NotificationMailer>();
        services.AddHostedService(s => s.GetRequiredService<NotificationMailer>());

        // The type setting naming a type's workflow, and the answer to Contents' "is this type governed?".
        services.AddContentTypeSettings<WorkflowTypeSettings>(WorkflowTypeSettings.SectionName);
        services.Replace(ServiceDescriptor.Singleton<IContentGovernance, WorkflowGovernance>());

        services
            .AddContentHandler<WorkflowContentHandler>()
            .AddPublishGuard<WorkflowPublishGuard>()
            .AddPublishGuard<ApprovedVersionGuard>();

        services
            .AddPermissions<WorkflowsPermissions>()
            .AddAdminMenu<WorkflowsAdminMenu>()
            .AddDashboardWidget<InboxWidget>()
            .AddAdminHeaderLink<NotificationsHeaderLink>()
            .AddRecipeStep<WorkflowDefinitionsRecipeStep>()
            .AddRecipeExporter<WorkflowDefinitionsRecipeExporter>();

        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        // Token requests are password attempts: limited per address like the sign-in form (and per account, SignInThrottle).
        services.AddPerAddressRateLimit<SecurityOptions>(AuthApi.RateLimitPolicy, s => s.SignInAttemptsPerAddressPerMinute, TimeSpan.FromMinutes(1), postsOnly: false);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAuthApi();
        var api = endpoints.MapGroup("/api").RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        api.MapContentApi();
        api.MapWorkflowApi();
    }
}
