using CucThongKe.Contents;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Services;
using CucThongKe.Core;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Modules;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Security;
using CucThongKe.Core.Setup;
using CucThongKe.Core.Telemetry;
using CucThongKe.Users;
using CucThongKe.Workflows.Definitions;
using CucThongKe.Workflows.Instances;
using CucThongKe.Workflows.Notifications;
using CucThongKe.Workflows.Record;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CucThongKe.Workflows;

/// <summary>The approval chain (Quy chế 181/QĐ-CTK): workflow definitions as data, their enforcement, the record and the inbox (the JSON API that drives it is in Contents.Api).</summary>
public sealed class WorkflowsModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(CoreModule), typeof(ContentsModule), typeof(UsersModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<WorkflowDefinitionValidator>();
        services.AddScoped<IWorkflowStateOccupancy, WorkflowStateOccupancy>();
        services.AddScoped<WorkflowDefinitionStore>();
        services.AddSiteUpgrade<QuestionDraftNoticeUpgrade>();
        services.AddSiteUpgrade<WithdrawalStepsUpgrade>();
        services.AddScoped<WorkflowService>();
        services.AddScoped<WorkflowRecorder>();
        services.AddScoped<WorkflowStateNotifications>();
        services.AddScoped<WorkflowStateActions>();
        services.AddScoped<EmergencyPublication>();
        services.AddScoped<WorkflowTracker>();
        services.AddScoped<WorkflowInbox>();
        services.AddEditorPanel<WorkflowEditorPanel>();
        services.AddContentListExtension<WorkflowContentList>();
        services.AddContentBulkAction<SubmitBulkAction>();
        services.AddContentBulkAction<UnpublishBulkAction>();
        services.AddContentBulkAction<ArchiveBulkAction>();
        services.AddScoped<WorkflowEscalation>();
        services.AddScoped<WorkflowNotifier>();
        services.AddScoped<IWorkflowSubmissions, WorkflowSubmissions>();
        services.AddScoped<IWorkflowActivity, WorkflowActivity>();

        // The chain's refusals: what the API, the pages and the middleware answer for each (nothing changed).
        services
            .AddFailureStatus<WorkflowForbiddenException>(StatusCodes.Status403Forbidden, FailureTitles.Forbidden)
            .AddFailureStatus<WorkflowNotFoundException>(StatusCodes.Status404NotFound, FailureTitles.NotFound)
            .AddFailureStatus<WorkflowConflictException>(StatusCodes.Status409Conflict, FailureTitles.Conflict)
            .AddFailureStatus<WorkflowInputException>(StatusCodes.Status400BadRequest, FailureTitles.BadRequest);
        services.AddScoped<CucThongKe.Core.Auditing.IAdminAuditListener, BoardAuditNotifier>();
        services.AddHostedService<DeadlineEscalationService>();
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<NotificationMailer>();
        services.AddQueueLength<NotificationQueueLength>();
        services.AddHostedService(s => s.GetRequiredService<NotificationMailer>());

        // The type setting naming a type's workflow, and the answer to Contents' "is this type governed?".
        services.AddContentTypeSettings<WorkflowTypeSettings>(WorkflowTypeSettings.SectionName);
        services.Replace(ServiceDescriptor.Singleton<IContentGovernance, WorkflowGovernance>());

        services
            .AddContentHandler<WorkflowContentHandler>()
            .AddRemovalGuard<WorkflowRemovalGuard>()
            .AddPublishGuard<WorkflowPublishGuard>()
            .AddPublishGuard<ApprovedVersionGuard>();

        services
            .AddPermissions<WorkflowsPermissions>()
            .AddAdminMenu<WorkflowsAdminMenu>()
            .AddDashboardWidget<InboxWidget>()
            .AddDashboardWidget<ChainGatesWidget>()
            .AddDashboardWidget<MyWorkWidget>()
            .AddDashboardWidget<PublicationsWidget>()
            .AddAdminHeaderLink<NotificationsHeaderLink>()
            .AddRecipeStep<WorkflowDefinitionsRecipeStep>()
            .AddRecipeStep<WorkflowHistoryRecipeStep>()
            .AddRecipeExporter<WorkflowDefinitionsRecipeExporter>();
    }
}
