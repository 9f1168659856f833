using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;

namespace CucThongKe.Theme.Public.Content;

/// <summary>Refuses to publish a legal document marked confidential (tài liệu mật, Điều 9.2), by any path.</summary>
internal sealed class ConfidentialDocumentPublishGuard : IPublishGuard
{
    public Task<string?> CheckAsync(ContentItem version, ResolvedContentType type, PublishRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(PublicContent.IsHidden(version)
            ? "Văn bản mật không được đăng trên Trang thông tin điện tử (Điều 9.2)."
            : null);
}
