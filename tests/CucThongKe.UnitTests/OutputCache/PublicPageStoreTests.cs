using CucThongKe.OutputCache;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CucThongKe.Tests.OutputCache;

/// <summary>The page cache's store: tags evict exactly their pages, a page rendered across an eviction is not kept, size is bounded.</summary>
public sealed class PublicPageStoreTests : IDisposable
{
    private readonly PublicPageStore _store = new(Options.Create(new PublicSiteOptions()));

    [Fact]
    public void Evicting_a_tag_drops_the_pages_filed_under_it_and_no_others()
    {
        _store.Set("a", Page("public:item:1", CacheTags.Lists), _store.Generation);
        _store.Set("b", Page("public:item:2"), _store.Generation);

        _store.EvictByTag("public:item:1");

        Assert.Null(_store.Get("a"));
        Assert.NotNull(_store.Get("b"));
    }

    [Fact]
    public void A_page_rendered_while_something_was_evicted_is_not_stored()
    {
        var generation = _store.Generation;
        _store.EvictByTag(CacheTags.Lists);

        _store.Set("a", Page("public:item:1"), generation);

        Assert.Null(_store.Get("a"));
    }

    [Fact]
    public void A_page_stored_again_after_an_eviction_can_be_evicted_again()
    {
        _store.Set("a", Page("public:item:1"), _store.Generation);
        _store.EvictByTag("public:item:1");
        _store.Set("a", Page("public:item:1"), _store.Generation);

        // Let the first entry's eviction callback run (MemoryCache runs it on the thread pool).
        Thread.Sleep(100);
        _store.EvictByTag("public:item:1");

        Assert.Null(_store.Get("a"));
    }

    [Fact]
    public void Pages_beyond_the_size_limit_are_not_all_kept()
    {
        using var small = new PublicPageStore(Options.Create(new PublicSiteOptions { OutputCacheSizeLimit = 10_000 }));
        for (var i = 0; i < 20; i++)
        {
            small.Set("p" + i, Sized(1_000, CacheTags.Lists), small.Generation);
        }

        var kept = Enumerable.Range(0, 20).Count(i => small.Get("p" + i) is not null);
        Assert.InRange(kept, 1, 9);
    }

    public void Dispose() => _store.Dispose();

    private static CachedPage Page(params string[] tags) => Sized(100, tags);

    private static CachedPage Sized(int bodySize, params string[] tags) =>
        new([new("Content-Type", new StringValues("text/html; charset=utf-8"))], new byte[bodySize], DateTimeOffset.UtcNow, tags);
}
