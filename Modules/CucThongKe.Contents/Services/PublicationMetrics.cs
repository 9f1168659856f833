using CucThongKe.Core.Telemetry;

namespace CucThongKe.Contents.Services;

/// <summary>Counts publications for the metrics (<c>cms_publications_total{type="..."}</c>) once they have committed.</summary>
internal sealed class PublicationMetrics(CmsMetrics metrics) : IContentCommittedHandler
{
    public Task PublishedAsync(ContentContext context, CancellationToken cancellationToken)
    {
        metrics.Published(context.Item.ContentType);
        return Task.CompletedTask;
    }
}
