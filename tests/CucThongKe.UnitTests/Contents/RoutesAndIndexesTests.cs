using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Parts;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Tests.Contents;

public class RoutesAndIndexesTests : ContentEngineTestBase
{
    [Fact]
    public async Task Items_with_the_same_title_get_numbered_paths()
    {
        var first = await WithContentsAsync((c, _) => c.CreateAsync(Article("Họp báo công bố số liệu")));
        var second = await WithContentsAsync((c, _) => c.CreateAsync(Article("Họp báo công bố số liệu")));
        var third = await WithContentsAsync((c, _) => c.CreateAsync(Article("Họp báo công bố số liệu")));

        Assert.Equal("bai-viet/hop-bao-cong-bo-so-lieu", first.As<AutoroutePart>()!.Path);
        Assert.Equal("bai-viet/hop-bao-cong-bo-so-lieu-2", second.As<AutoroutePart>()!.Path);
        Assert.Equal("bai-viet/hop-bao-cong-bo-so-lieu-3", third.As<AutoroutePart>()!.Path);
    }

    [Fact]
    public async Task A_title_with_slashes_makes_one_path_segment()
    {
        var saved = await WithContentsAsync((c, _) => c.CreateAsync(Article("Quyết định số 215/QĐ-CTK về công bố số liệu")));

        Assert.Equal("bai-viet/quyet-dinh-so-215-qd-ctk-ve-cong-bo-so-lieu", saved.As<AutoroutePart>()!.Path);
    }

    [Fact]
    public async Task An_item_saved_again_keeps_its_own_path()
    {
        var first = await WithContentsAsync((c, _) => c.CreateAsync(Article("Tin giữ đường dẫn")));
        var edit = Article("Tin giữ đường dẫn");
        edit.ContentItemId = first.ContentItemId;
        edit.Content["AutoroutePart"] = new System.Text.Json.Nodes.JsonObject { ["Path"] = "bai-viet/tin-giu-duong-dan" };

        var second = await WithContentsAsync((c, _) => c.SaveDraftAsync(edit, 1));

        Assert.Equal("bai-viet/tin-giu-duong-dan", second.As<AutoroutePart>()!.Path);
    }

    [Fact]
    public async Task Paths_the_site_itself_answers_are_refused()
    {
        var item = Article("Trang quản trị giả");
        item.Content["AutoroutePart"] = new System.Text.Json.Nodes.JsonObject { ["Path"] = "admin/recipes" };

        var error = await Assert.ThrowsAsync<CucThongKe.Contents.Services.ContentValidationException>(() => WithContentsAsync((c, _) => c.CreateAsync(item)));

        Assert.Contains(error.Errors, e => e.Path == "AutoroutePart.Path");
    }

    [Fact]
    public async Task Index_tables_follow_the_latest_and_published_versions_only()
    {
        var first = await WithContentsAsync((c, _) => c.CreateAsync(Article("Lao động việc làm", topic: "lao-dong")));
        await WithContentsAsync((c, _) => c.PublishAsync(first.ContentItemId, null, Direct));
        var edit = Article("Lao động việc làm", topic: "viec-lam");
        edit.ContentItemId = first.ContentItemId;
        await WithContentsAsync((c, _) => c.SaveDraftAsync(edit, 1));
        var third = Article("Lao động việc làm", topic: "dan-so");
        third.ContentItemId = first.ContentItemId;
        await WithContentsAsync((c, _) => c.SaveDraftAsync(third, 2));

        await WithContentsAsync(async (_, db) =>
        {
            var terms = await db.Set<TaxonomyIndex>().Where(t => t.ContentItemId == first.ContentItemId).ToListAsync();
            // Version 1 is published, version 3 is latest; version 2 (viec-lam) is history and leaves no rows.
            Assert.Equal(2, terms.Count);
            Assert.Contains(terms, t => t.TermId == "lao-dong" && t.Published && !t.Latest);
            Assert.Contains(terms, t => t.TermId == "dan-so" && t.Latest && !t.Published);
            Assert.DoesNotContain(terms, t => t.TermId == "viec-lam");
            Assert.All(terms, t => Assert.Equal("Article.Topic", t.Field));
        });
    }

    [Fact]
    public async Task Every_change_is_logged_for_search_nodes_in_order()
    {
        var before = await WithContentsAsync((_, db) => db.Set<IndexingTask>().CountAsync());

        var first = await WithContentsAsync((c, _) => c.CreateAsync(Article("Tin cho tìm kiếm")));
        await WithContentsAsync((c, _) => c.PublishAsync(first.ContentItemId, null, Direct));

        var tasks = await WithContentsAsync((_, db) => db.Set<IndexingTask>().OrderBy(t => t.Id).ToListAsync());
        Assert.Equal(before + 2, tasks.Count);
        Assert.All(tasks.TakeLast(2), t => Assert.Equal(first.ContentItemId, t.ContentItemId));
    }
}
