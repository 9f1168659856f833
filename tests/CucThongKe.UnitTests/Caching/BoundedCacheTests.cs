using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Published;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Caching;
using CucThongKe.OutputCache;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CucThongKe.Tests.Caching;

/// <summary>Every in-memory cache stays under its byte limit whatever is put in it, and says what it holds (issue 18, item 4).</summary>
public sealed class BoundedCacheTests
{
    private const long Limit = 256 * 1024;

    [Fact]
    public void The_shared_cache_sizes_entries_given_without_a_size_and_never_exceeds_its_limit()
    {
        using var cache = new BoundedMemoryCache(Options.Create(new CacheOptions { SharedSizeLimit = Limit }));
        var text = new string('ệ', 2_000);

        for (var i = 0; i < 2_000; i++)
        {
            // As SettingsStore and every other writer do it: no size given.
            cache.GetOrCreate("settings:" + i, entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
                return text + i;
            });
            Assert.InRange(cache.Figures.Bytes, 0, Limit);
        }

        var figures = Settled(() => cache.Figures);
        Assert.Equal(2_000, figures.Misses);
        Assert.Equal(0, figures.Hits);
        var kept = Enumerable.Range(0, 2_000).Count(i => cache.TryGetValue("settings:" + i, out _));
        // 2,000 strings of 4 KB do not fit in 256 KB; what is kept is counted at its size.
        Assert.InRange(kept, 1, (int)(Limit / (2 * text.Length)));
        Assert.True(figures.Count >= kept, $"{figures.Count} entries counted, {kept} found");
        Assert.InRange(figures.Bytes, figures.Count * 2L * text.Length, Limit);
        Assert.Equal(kept, cache.Figures.Hits);
    }

    [Fact]
    public void The_published_items_never_exceed_their_limit_and_are_counted()
    {
        using var cache = new PublishedItemCache(new FixedGeneration(), Options.Create(new CacheOptions { PublishedItemsSizeLimit = Limit }));

        for (var i = 0; i < 1_000; i++)
        {
            cache.Set(cache.Generation, "tin-tuc/bai-" + i, Item(i));
            cache.SetSummaries(cache.Generation, new ListingKey("News", null, null, i, 20), Summaries(20));
            Assert.InRange(cache.Figures.Bytes, 0, Limit);
        }

        var settled = Settled(() => cache.Figures);
        var kept = Enumerable.Range(0, 1_000).Count(i => cache.Get("tin-tuc/bai-" + i) is not null);
        Assert.InRange(kept, 1, 999);
        Assert.True(settled.Count >= kept, $"{settled.Count} entries counted, {kept} found");
        Assert.Equal(1_000, cache.Figures.Hits + cache.Figures.Misses);
    }

    [Fact]
    public void An_items_estimated_size_covers_what_parsing_and_materialising_its_content_allocates()
    {
        var json = Item(7).Content.ToJsonString();

        // What the database read allocates for the content (EF Core's converter parses the text), and what Set adds
        // when it materialises every node: an upper bound of what the cached item keeps alive.
        // Once before measuring, so that one-time work (type loading, the first parse's caches) is not counted: the
        // figure is what every further read allocates, and the bounds hold run after run.
        Walk(JsonNode.Parse(json)!.AsObject());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var item = new ContentItem { ContentItemId = "4x7", ContentType = "News", DisplayText = "Tình hình kinh tế - xã hội tháng 11", Content = JsonNode.Parse(json)!.AsObject() };
        Walk(item.Content);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // At least what it keeps alive; at most a few times that (the estimate is deliberately generous).
        Assert.InRange(PublishedItemCache.SizeOf("tin-tuc/bai-7", item), allocated, 6 * allocated);
    }

    [Fact]
    public void The_page_cache_never_exceeds_its_limit_and_counts_its_pages()
    {
        using var store = new PublicPageStore(Options.Create(new PublicSiteOptions { OutputCacheSizeLimit = Limit }));

        for (var i = 0; i < 500; i++)
        {
            store.Set("https://thongke.example/tin-tuc/bai-" + i, new CachedPage([new("Content-Type", new StringValues("text/html; charset=utf-8"))], new byte[15_000], DateTimeOffset.UtcNow, ["public:item:" + i, "public:lists"]), store.Generation);
            Assert.InRange(store.Figures.Bytes, 0, Limit);
        }

        var figures = Settled(() => store.Figures);
        var kept = Enumerable.Range(0, 500).Count(i => store.Get("https://thongke.example/tin-tuc/bai-" + i) is not null);
        Assert.InRange(kept, 1, (int)(Limit / 15_000));
        Assert.True(figures.Count >= kept, $"{figures.Count} pages counted, {kept} found");
        Assert.InRange(figures.Bytes, figures.Count * 15_000L, Limit);
    }

    private static ContentItem Item(int i) => new()
    {
        ContentItemId = "4x" + i,
        ContentType = "News",
        DisplayText = $"Tình hình kinh tế - xã hội tỉnh Thái Nguyên tháng {i}",
        Content = new JsonObject
        {
            ["TitlePart"] = new JsonObject { ["Title"] = $"Tình hình kinh tế - xã hội tỉnh Thái Nguyên tháng {i}" },
            ["AutoroutePart"] = new JsonObject { ["Path"] = "tin-tuc/bai-" + i },
            ["SummaryPart"] = new JsonObject { ["Summary"] = "Chỉ số giá tiêu dùng (CPI) bình quân tăng 3,2% so với cùng kỳ năm trước." },
            ["BodyPart"] = new JsonObject { ["Html"] = string.Concat(Enumerable.Repeat("<p>Sản xuất công nghiệp, nông nghiệp và dịch vụ của tỉnh tiếp tục tăng trưởng ổn định.</p>", 20)) },
            ["TaxonomyPart"] = new JsonObject { ["Terms"] = new JsonArray("kinh-te", "xa-hoi", "dan-so") },
        },
    };

    private static List<ContentSummary> Summaries(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ContentSummary(i, "4x" + i, "News", "Tin số " + i, DateTime.UtcNow, DateTime.UtcNow, "tin-tuc/tin-so-" + i))];

    /// <summary>The cache's figures once its compaction is over. MemoryCache compacts on a thread-pool thread after a
    /// write that went over the limit, so entries may still be leaving when the last write returns; figures read then
    /// and entries counted a moment later would disagree. Nothing is written after the loops, so entries only leave:
    /// once two readings 50 ms apart agree, the count is final.</summary>
    private static CacheFigures Settled(Func<CacheFigures> read)
    {
        var last = read();
        for (var i = 0; i < 200; i++)
        {
            Thread.Sleep(50);
            var now = read();
            if (now.Count == last.Count && now.Bytes == last.Bytes)
            {
                return now;
            }

            last = now;
        }

        throw new Xunit.Sdk.XunitException($"The cache's figures kept changing for 10 s ({last.Count} entries, {last.Bytes} bytes).");
    }

    private static void Walk(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            foreach (var (_, child) in o)
            {
                Walk(child);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a)
            {
                Walk(child);
            }
        }
    }

    private sealed class FixedGeneration : IPublishedGeneration
    {
        public long Generation => 1;
    }
}
