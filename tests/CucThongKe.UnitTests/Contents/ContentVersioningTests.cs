using System.Text.Json.Nodes;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Services;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Tests.Contents;

public class ContentVersioningTests : ContentEngineTestBase
{
    [Fact]
    public async Task A_new_item_is_a_draft_that_the_public_cannot_see()
    {
        var saved = await WithContentsAsync((contents, _) => contents.CreateAsync(Article("Bản nháp đầu tiên")));

        await WithContentsAsync(async (contents, _) =>
        {
            Assert.Equal(1, saved.Version);
            Assert.True(saved.Latest);
            Assert.False(saved.Published);
            Assert.Null(await contents.GetAsync(saved.ContentItemId, VersionOptions.Published));
            Assert.Null(await contents.GetByPathAsync("bai-viet/ban-nhap-dau-tien"));
            Assert.NotNull(await contents.GetByPathAsync("bai-viet/ban-nhap-dau-tien", VersionOptions.Latest));
        });
    }

    [Fact]
    public async Task Publishing_a_draft_makes_it_visible_at_its_path()
    {
        var saved = await WithContentsAsync((contents, _) => contents.CreateAsync(Article("Tin được đăng")));

        var published = await WithContentsAsync((contents, _) => contents.PublishAsync(saved.ContentItemId, null, Direct));

        await WithContentsAsync(async (contents, _) =>
        {
            Assert.NotNull(published);
            var atPath = await contents.GetByPathAsync("bai-viet/tin-duoc-dang");
            Assert.NotNull(atPath);
            Assert.Equal(saved.Id, atPath.Id);
            Assert.NotNull(atPath.PublishedUtc);
            Assert.Equal(PublishSource.Direct, atPath.PublishSource);
        });
    }

    [Fact]
    public async Task Editing_a_published_item_makes_a_new_draft_and_leaves_the_published_version_unchanged()
    {
        var first = await WithContentsAsync((contents, _) => contents.CreateAsync(Article("Số liệu dân số năm 2025", html: "<p>Bản gốc.</p>")));
        await WithContentsAsync((contents, _) => contents.PublishAsync(first.ContentItemId, null, Direct));
        var publishedJson = first.Content.ToJsonString();

        var edited = Article("Số liệu dân số năm 2025 (đính chính)", html: "<p>Bản sửa.</p>");
        edited.ContentItemId = first.ContentItemId;
        var second = await WithContentsAsync((contents, _) => contents.SaveDraftAsync(edited, expectedVersion: 1));

        await WithContentsAsync(async (contents, _) =>
        {
            Assert.Equal(2, second.Version);
            var published = await contents.GetAsync(first.ContentItemId, VersionOptions.Published);
            Assert.NotNull(published);
            Assert.Equal(first.Id, published.Id);
            Assert.Equal(publishedJson, published.Content.ToJsonString());
            Assert.Equal("<p>Bản gốc.</p>", published.As<HtmlBodyPart>()!.Html);

            var latest = await contents.GetAsync(first.ContentItemId, VersionOptions.Latest);
            Assert.Equal(second.Id, latest!.Id);
            Assert.False(latest.Published);
            Assert.Equal(2, (await contents.GetVersionsAsync(first.ContentItemId)).Count);
        });
    }

    [Fact]
    public async Task Publishing_a_newer_version_retires_the_old_one_and_keeps_the_first_publication_date()
    {
        var first = await WithContentsAsync((contents, _) => contents.CreateAsync(Article("Báo cáo quý III")));
        var v1 = await WithContentsAsync((contents, _) => contents.PublishAsync(first.ContentItemId, null, Direct));
        var edited = Article("Báo cáo quý III (cập nhật)");
        edited.ContentItemId = first.ContentItemId;
        var second = await WithContentsAsync((contents, _) => contents.SaveDraftAsync(edited, 1));

        await WithContentsAsync((contents, _) => contents.PublishAsync(first.ContentItemId, second.Id, Direct));

        await WithContentsAsync(async (contents, db) =>
        {
            var versions = await contents.GetVersionsAsync(first.ContentItemId);
            Assert.Single(versions, v => v.Published);
            Assert.Equal(second.Id, versions.Single(v => v.Published).Id);
            Assert.Equal(v1!.PublishedUtc, versions.Single(v => v.Published).PublishedUtc);
            Assert.Equal("Báo cáo quý III", versions.Single(v => v.Version == 1).DisplayText);
        });
    }

    [Fact]
    public async Task A_save_based_on_an_old_version_is_a_conflict_and_saves_nothing()
    {
        var first = await WithContentsAsync((contents, _) => contents.CreateAsync(Article("Bài cần sửa")));
        var editA = Article("Sửa của người A");
        editA.ContentItemId = first.ContentItemId;
        await WithContentsAsync((contents, _) => contents.SaveDraftAsync(editA, expectedVersion: 1));

        var editB = Article("Sửa của người B");
        editB.ContentItemId = first.ContentItemId;
        var conflict = await Assert.ThrowsAsync<ContentConflictException>(() => WithContentsAsync((contents, _) => contents.SaveDraftAsync(editB, expectedVersion: 1)));

        Assert.Equal(2, conflict.ActualVersion);
        await WithContentsAsync(async (contents, _) =>
        {
            var latest = await contents.GetAsync(first.ContentItemId, VersionOptions.Latest);
            Assert.Equal("Sửa của người A", latest!.DisplayText);
            Assert.Equal(2, (await contents.GetVersionsAsync(first.ContentItemId)).Count);
        });
    }

    [Fact]
    public async Task A_type_without_history_saves_over_its_unpublished_draft()
    {
        var memo = new ContentItem { ContentType = "Memo" };
        memo.Content["TitlePart"] = new JsonObject { ["Title"] = "Ghi chú nội bộ" };
        var first = await WithContentsAsync((contents, _) => contents.CreateAsync(memo));
        memo.ContentItemId = first.ContentItemId;
        memo.Content["TitlePart"] = new JsonObject { ["Title"] = "Ghi chú nội bộ (sửa)" };

        await WithContentsAsync((contents, _) => contents.SaveDraftAsync(memo, 1));

        var versions = await WithContentsAsync((contents, _) => contents.GetVersionsAsync(first.ContentItemId));
        Assert.Single(versions);
        Assert.Equal("Ghi chú nội bộ (sửa)", versions[0].DisplayText);
    }

    [Fact]
    public async Task Removing_an_item_hides_every_version_and_logs_a_delete_for_search()
    {
        var first = await WithContentsAsync((contents, _) => contents.CreateAsync(Article("Tin sẽ bị xoá")));
        await WithContentsAsync((contents, _) => contents.PublishAsync(first.ContentItemId, null, Direct));

        await WithContentsAsync((contents, _) => contents.RemoveAsync(first.ContentItemId));

        await WithContentsAsync(async (contents, db) =>
        {
            Assert.Null(await contents.GetAsync(first.ContentItemId, VersionOptions.Published));
            Assert.Null(await contents.GetAsync(first.ContentItemId, VersionOptions.Latest));
            Assert.False(await db.Set<AutorouteIndex>().AnyAsync(r => r.ContentItemId == first.ContentItemId));
            var tasks = await db.Set<IndexingTask>().Where(t => t.ContentItemId == first.ContentItemId).OrderBy(t => t.Id).ToListAsync();
            Assert.Equal(IndexingTaskType.Delete, tasks[^1].Type);
            Assert.True(tasks.Zip(tasks.Skip(1)).All(p => p.First.Id < p.Second.Id));
        });
    }
}
