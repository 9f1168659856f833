using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CucThongKe.Core.Caching;

namespace CucThongKe.Core.Telemetry;

/// <summary>
/// The site's own metrics (meter <see cref="MeterName"/>): publications, workflow steps, search latency, and, read when
/// scraped, every measured cache's size, limit, entries, hits and misses and the work queues' lengths.
/// </summary>
/// <remarks>Counted after the change commits (a rolled-back publication is not one). Tags are names from code (content
/// types, transitions, cache and queue names), never user input, so the series stay few.</remarks>
public sealed class CmsMetrics
{
    public const string MeterName = "CucThongKe";

    private readonly Counter<long> _publications;
    private readonly Counter<long> _workflowSteps;
    private readonly Histogram<double> _searchDuration;
    private readonly ConcurrentDictionary<string, long> _queues = new(StringComparer.Ordinal);

    public CmsMetrics(IMeterFactory meters, IEnumerable<IMeasuredCache> caches)
    {
        var meter = meters.Create(MeterName);
        var measured = caches.ToList();
        _publications = meter.CreateCounter<long>("cms.publications", description: "Phiên bản nội dung được đăng (published versions)");
        _workflowSteps = meter.CreateCounter<long>("cms.workflow.steps", description: "Bước quy trình duyệt đã ghi (workflow steps recorded)");
        _searchDuration = meter.CreateHistogram<double>("cms.search.duration", unit: "s", description: "Thời gian một lần tìm kiếm (search latency)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1] });
        meter.CreateObservableGauge("cms.cache.size", () => Each(measured, c => c.Figures.Bytes), unit: "By", description: "Bộ nhớ đệm đang giữ (estimated bytes)");
        meter.CreateObservableGauge("cms.cache.limit", () => Each(measured, c => c.SizeLimit), unit: "By", description: "Giới hạn của bộ nhớ đệm (bytes)");
        meter.CreateObservableGauge("cms.cache.entries", () => Each(measured, c => c.Figures.Count), description: "Số mục trong bộ nhớ đệm");
        meter.CreateObservableCounter("cms.cache.hits", () => Each(measured, c => c.Figures.Hits), description: "Lần đọc tìm thấy trong bộ nhớ đệm");
        meter.CreateObservableCounter("cms.cache.misses", () => Each(measured, c => c.Figures.Misses), description: "Lần đọc không tìm thấy trong bộ nhớ đệm");
        meter.CreateObservableGauge("cms.queue.length", () => _queues.Select(q => new Measurement<long>(q.Value, new KeyValuePair<string, object?>("queue", q.Key))),
            description: "Việc đang chờ trong hàng đợi (mail, search indexing)");
    }

    /// <summary>A version of <paramref name="contentType"/> was published (after the commit).</summary>
    public void Published(string contentType) => _publications.Add(1, new KeyValuePair<string, object?>("type", contentType));

    /// <summary>A workflow step was recorded and committed.</summary>
    public void WorkflowStep(string workflow, string transition) =>
        _workflowSteps.Add(1, new KeyValuePair<string, object?>("workflow", workflow), new KeyValuePair<string, object?>("transition", transition));

    /// <summary>One search, from the query to the page of hits.</summary>
    public void Searched(TimeSpan elapsed) => _searchDuration.Record(elapsed.TotalSeconds);

    /// <summary>The last count of a queue (<see cref="QueueLengthPoller"/>).</summary>
    internal void QueueLength(string queue, long length) => _queues[queue] = length;

    private static IEnumerable<Measurement<long>> Each(List<IMeasuredCache> caches, Func<IMeasuredCache, long> figure) =>
        caches.Select(c => new Measurement<long>(figure(c), new KeyValuePair<string, object?>("cache", c.Name)));
}

/// <summary>A queue of work whose length operators watch (<c>cms_queue_length{queue="..."}</c>); registered with
/// <c>services.AddQueueLength&lt;T&gt;()</c>, counted in a scope every <see cref="TelemetryOptions.QueuePollSeconds"/>.</summary>
public interface IQueueLength
{
    /// <summary>A short name for the metric's <c>queue</c> tag: <c>mail-notifications</c>, <c>search-indexing</c>.</summary>
    string Name { get; }

    /// <summary>How many items wait now.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);
}
