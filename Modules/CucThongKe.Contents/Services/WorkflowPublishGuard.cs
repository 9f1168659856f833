using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;

namespace CucThongKe.Contents.Services;

/// <summary>A type a workflow governs is published only by that workflow, or by a recorded legacy import.</summary>
internal sealed class WorkflowPublishGuard : IPublishGuard
{
    public Task<string?> CheckAsync(ContentItem version, ResolvedContentType type, PublishRequest request, CancellationToken cancellationToken)
    {
        var workflow = type.Definition.Settings.Workflow;
        if (string.IsNullOrEmpty(workflow))
        {
            return Task.FromResult<string?>(null);
        }

        return Task.FromResult(request.Source switch
        {
            PublishSource.Workflow => null,
            PublishSource.Import when !string.IsNullOrWhiteSpace(request.Note) => null,
            PublishSource.Import => "Nhập nội dung đã đăng cần ghi rõ nguồn nhập.",
            _ => $"'{type.Definition.DisplayName}' chỉ được đăng qua quy trình duyệt '{workflow}'.",
        });
    }
}
