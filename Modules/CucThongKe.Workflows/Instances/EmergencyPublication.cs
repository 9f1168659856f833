using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Workflows.Definitions;
using CucThongKe.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Instances;

/// <summary>Emergency publication (đăng khẩn cấp): the latest version published at once, outside the chain, by a holder of the permission, with a reason; recorded and told to the board.</summary>
public sealed class EmergencyPublication(
    CmsDbContext db,
    UnitOfWork unitOfWork,
    WorkflowRecorder recorder,
    WorkflowStateActions actions,
    WorkflowNotifier notifier,
    IContentPublisher publisher,
    TimeProvider clock)
{
    /// <summary>An emergency publication's reason must say something: at least this many characters.</summary>
    public const int MinReasonLength = 20;

    /// <summary>Publishes the item's latest version at once, outside the chain: the emergency permission and a written reason are required;
    /// the step is recorded like any other and the board is told.</summary>
    public async Task<WorkflowInstance> PublishAsync(string contentItemId, string? reason, int? expectedVersion, WorkflowActor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.MayEmergencyPublish)
        {
            throw new WorkflowForbiddenException("Đăng khẩn cấp cần quyền riêng 'Đăng khẩn cấp'; không vai trò nào có sẵn quyền này.");
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is null || reason.Length < MinReasonLength || reason.Length > WorkflowService.MaxCommentLength)
        {
            throw new WorkflowInputException($"Đăng khẩn cấp cần ghi rõ lý do (từ {MinReasonLength} đến {WorkflowService.MaxCommentLength} ký tự).");
        }

        return await unitOfWork.RunAsync(async _ =>
        {
            var (item, definition) = await recorder.LoadAsync(contentItemId, cancellationToken);
            var instance = await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.ContentItemId == contentItemId, cancellationToken);
            if (instance is null)
            {
                instance = await recorder.NewInstanceAsync(definition, item, cancellationToken);
                db.Add(instance);
            }

            var current = definition.FindState(instance.State) ?? throw new WorkflowConflictException($"Trạng thái '{instance.State}' không còn trong quy trình.");
            if (current.Kind is WorkflowStateKind.Published or WorkflowStateKind.Rejected or WorkflowStateKind.Archived)
            {
                throw new WorkflowConflictException($"Nội dung đang ở bước '{current.DisplayName}': không đăng khẩn cấp được.");
            }

            if (expectedVersion is not null && expectedVersion != item.Version)
            {
                throw new WorkflowConflictException($"Nội dung đã thay đổi: phiên bản hiện tại là {item.Version}, bạn đang xem phiên bản {expectedVersion}. Hãy tải lại.");
            }

            if (await publisher.NeverPublishableReasonAsync(item, cancellationToken) is { } never)
            {
                throw new WorkflowForbiddenException($"{never.TrimEnd('.')}, kể cả đăng khẩn cấp.");
            }

            // Even outside the chain nobody publishes their own text alone: not the item's creator, nor the writer of the version published.
            if (actor.UserName == instance.Author || actor.UserName == item.Author)
            {
                throw new WorkflowForbiddenException("Bạn là tác giả của nội dung này (hoặc của phiên bản mới nhất); tác giả không được tự đăng khẩn cấp bài của mình (tách bạch nhiệm vụ).");
            }

            var published = definition.PublishedState ?? throw new WorkflowConflictException($"Quy trình '{definition.DisplayName}' không có trạng thái đã đăng.");
            var comment = "Đăng khẩn cấp. Lý do: " + reason;
            await recorder.RecordAsync(instance, item, WorkflowStep.Events.EmergencyPublish, published, actor.UserName, WorkflowsPermissions.EmergencyPublish.Name, actor.UnitId, comment, clock.GetUtcNow().UtcDateTime, cancellationToken);
            // The published version is the one the emergency vouches for: the approved-version guard holds it to exactly this one.
            instance.ApprovedVersionId = item.Id;
            await recorder.SaveOrConflictAsync(cancellationToken);
            var cause = $"đăng khẩn cấp ({actor.UserName})";
            await actions.RunAsync(definition, published, instance, item, cause, comment, actor.UserName, cancellationToken);
            await notifier.NotifyRolesAsync(WorkflowService.BoardRoles, null, item.ContentItemId,
                $"'{item.DisplayText}' ({definition.DisplayName}) được {cause} ngoài quy trình duyệt. Lý do: {reason}", WorkflowStep.Events.EmergencyPublish, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return instance;
        }, cancellationToken);
    }
}
