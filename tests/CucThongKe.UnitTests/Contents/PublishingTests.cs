using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Scheduling;
using CucThongKe.Contents.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Contents;

public class PublishingTests : ContentEngineTestBase
{
    private readonly RecordingHandler _events = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<IContentHandler>(_ => _events);

    private static ContentItem Governed(string title)
    {
        var item = new ContentItem { ContentType = "GovernedNews" };
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        return item;
    }

    [Fact]
    public async Task A_scheduled_version_is_visible_nowhere_before_its_time_and_published_exactly_at_it()
    {
        var draft = await WithContentsAsync((c, _) => c.CreateAsync(Article("Công bố chỉ số giá tháng 11")));
        var releaseUtc = new DateTime(2030, 12, 6, 2, 0, 0, DateTimeKind.Utc);
        await WithContentsAsync((c, _) => c.ScheduleAsync(draft.ContentItemId, draft.Id, releaseUtc, Direct));

        var earlyCount = await WithContentsAsync((c, _) => c.PublishDueAsync(releaseUtc.AddMilliseconds(-1)));

        Assert.Equal(0, earlyCount);
        await WithContentsAsync(async (c, db) =>
        {
            Assert.Null(await c.GetAsync(draft.ContentItemId, VersionOptions.Published));
            Assert.Null(await c.GetByPathAsync("bai-viet/cong-bo-chi-so-gia-thang-11"));
            var listed = await new ContentQueries(db).ListPublishedAsync(null, 0, 50);
            Assert.DoesNotContain(listed, s => s.ContentItemId == draft.ContentItemId);
        });

        var onTime = await WithContentsAsync((c, _) => c.PublishDueAsync(releaseUtc));

        Assert.Equal(1, onTime);
        var published = await WithContentsAsync((c, _) => c.GetAsync(draft.ContentItemId, VersionOptions.Published));
        Assert.Equal(draft.Id, published!.Id);
        Assert.Contains(_events.Events, e => e == ("Published", draft.ContentItemId));
    }

    [Fact]
    public async Task Publishing_a_version_with_a_future_publish_later_time_schedules_it()
    {
        var item = Article("Thông cáo báo chí quý IV");
        item.Content["PublishLaterPart"] = new JsonObject { ["ScheduledPublishUtc"] = "2031-01-02T01:30:00Z" };
        var draft = await WithContentsAsync((c, _) => c.CreateAsync(item));

        var result = await WithContentsAsync((c, _) => c.PublishAsync(draft.ContentItemId, null, Direct));

        Assert.Null(result);
        await WithContentsAsync(async (c, db) =>
        {
            Assert.Null(await c.GetAsync(draft.ContentItemId, VersionOptions.Published));
            var schedule = await db.Set<ScheduledPublication>().SingleAsync(s => s.ContentItemId == draft.ContentItemId);
            Assert.Equal(new DateTime(2031, 1, 2, 1, 30, 0, DateTimeKind.Utc), schedule.PublishUtc);
            Assert.Equal(draft.Id, schedule.ContentItemVersionId);
        });
    }

    [Fact]
    public async Task A_type_a_workflow_governs_cannot_be_published_directly()
    {
        var draft = await WithContentsAsync((c, _) => c.CreateAsync(Governed("Tin phải qua duyệt")));

        var refused = await Assert.ThrowsAsync<ContentPublishRefusedException>(() =>
            WithContentsAsync((c, _) => c.PublishAsync(draft.ContentItemId, null, Direct)));
        await Assert.ThrowsAsync<ContentPublishRefusedException>(() =>
            WithContentsAsync((c, _) => c.ScheduleAsync(draft.ContentItemId, draft.Id, DateTime.UtcNow.AddDays(1), Direct)));
        await Assert.ThrowsAsync<ContentPublishRefusedException>(() =>
            WithContentsAsync((c, _) => c.PublishAsync(draft.ContentItemId, null, new PublishRequest(PublishSource.Import, "tester"))));

        Assert.Contains("test-flow", refused.Message, StringComparison.Ordinal);
        Assert.Null(await WithContentsAsync((c, _) => c.GetAsync(draft.ContentItemId, VersionOptions.Published)));
    }

    [Fact]
    public async Task A_governed_type_is_published_by_its_workflow_and_the_path_is_recorded()
    {
        var draft = await WithContentsAsync((c, _) => c.CreateAsync(Governed("Tin đã được duyệt")));

        await WithContentsAsync((c, _) => c.PublishAsync(draft.ContentItemId, draft.Id, new PublishRequest(PublishSource.GoverningProcess, "dangtin", "Bước đăng của quy trình")));

        var published = await WithContentsAsync((c, _) => c.GetAsync(draft.ContentItemId, VersionOptions.Published));
        Assert.Equal(PublishSource.GoverningProcess, published!.PublishSource);
        Assert.Equal("dangtin", published.PublishedBy);
    }

    [Fact]
    public async Task Handlers_hear_every_content_event_in_order()
    {
        var draft = await WithContentsAsync((c, _) => c.CreateAsync(Article("Tin theo dõi sự kiện")));
        await WithContentsAsync((c, _) => c.PublishAsync(draft.ContentItemId, null, Direct));
        await WithContentsAsync((c, _) => c.UnpublishAsync(draft.ContentItemId));
        await WithContentsAsync((c, _) => c.RemoveAsync(draft.ContentItemId));

        var names = _events.Events.Where(e => e.Id == draft.ContentItemId).Select(e => e.Name).ToList();
        Assert.Equal(["Created", "DraftSaved", "Updated", "Published", "Unpublished", "Removed"], names);
    }

    private sealed class RecordingHandler : IContentHandler
    {
        public List<(string Name, string Id)> Events { get; } = [];

        public Task CreatedAsync(ContentContext context, CancellationToken cancellationToken) => Record("Created", context);

        public Task DraftSavedAsync(ContentContext context, CancellationToken cancellationToken) => Record("DraftSaved", context);

        public Task UpdatedAsync(ContentContext context, CancellationToken cancellationToken) => Record("Updated", context);

        public Task PublishedAsync(ContentContext context, CancellationToken cancellationToken) => Record("Published", context);

        public Task UnpublishedAsync(ContentContext context, CancellationToken cancellationToken) => Record("Unpublished", context);

        public Task RemovedAsync(ContentContext context, CancellationToken cancellationToken) => Record("Removed", context);

        private Task Record(string name, ContentContext context)
        {
            lock (Events)
            {
                Events.Add((name, context.Item.ContentItemId));
            }

            return Task.CompletedTask;
        }
    }
}
