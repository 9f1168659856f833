using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Workflows.Definitions;

namespace CucThongKe.Workflows.Instances;

/// <summary>A type a workflow governs is published only by that workflow, or by a recorded legacy import.</summary>
internal sealed class WorkflowPublishGuard : IPublishGuard
{
    public Task<string?> CheckAsync(ContentItem version, ResolvedContentType type, PublishRequest request, CancellationToken cancellationToken)
    {
        var workflow = type.WorkflowName();
        if (workflow is null)
        {
            return Task.FromResult<string?>(null);
        }

        return Task.FromResult(request.Source switch
        {
            PublishSource.GoverningProcess => null,
            PublishSource.Import when !string.IsNullOrWhiteSpace(request.Note) => null,
            PublishSource.Import => "Nhập nội dung đã đăng cần ghi rõ nguồn nhập.",
            _ => $"'{type.Definition.DisplayName}' chỉ được đăng qua quy trình duyệt '{workflow}'.",
        });
    }
}
