using CucThongKe.Contents;
using CucThongKe.Core;
using CucThongKe.Core.Modules;
using CucThongKe.Users;
using CucThongKe.Workflows.Definitions;
using CucThongKe.Workflows.Instances;
using CucThongKe.Workflows.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Workflows;

/// <summary>The approval chain (Quy chế 181/QĐ-CTK): workflow definitions as data, their enforcement, the record and the inbox (the JSON API that drives it is in Contents.Api).</summary>
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
        services.AddHostedService<DeadlineEscalationService>();
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<NotificationMailer>();
        services.AddHostedService(s => s.GetRequiredService<NotificationMailer>());

        services
            .AddContentHandler<WorkflowContentHandler>()
            .AddPublishGuard<ConfidentialDocumentGuard>()
            .AddPublishGuard<ApprovedVersionGuard>();

        services
            .AddPermissions<WorkflowsPermissions>()
            .AddAdminMenu<WorkflowsAdminMenu>()
            .AddDashboardWidget<InboxWidget>()
            .AddAdminHeaderLink<NotificationsHeaderLink>()
            .AddRecipeStep<WorkflowDefinitionsRecipeStep>()
            .AddRecipeExporter<WorkflowDefinitionsRecipeExporter>();
    }
}
