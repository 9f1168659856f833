using System.Net;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.BackOffice;

/// <summary>The taxonomy pages (issue 16 item 6): add, rename, reorder and merge terms, with the items that use a term.</summary>
public sealed class TaxonomyPagesTests() : WorkflowTestBase(DatabaseProvider.Sqlite)
{
    private const string Page = "/admin/danh-muc/chuyen-muc-tin";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/admin/tai-khoan");
        return await client.PostAsync($"{Page}?handler={handler}", new FormUrlEncodedContent(form));
    }

    private Task<List<TaxonomyTerm>> TermsAsync() => Site.WithScopeAsync(s =>
        s.GetRequiredService<CmsDbContext>().Set<TaxonomyTerm>().Where(t => t.Taxonomy == "chuyen-muc-tin").OrderBy(t => t.Order).ToListAsync());

    [Fact]
    public async Task The_publisher_adds_renames_reorders_and_merges_terms_and_the_items_follow()
    {
        await AddPeopleAsync();
        var first = await CreateNewsAsync("Hội nghị tổng kết công tác thống kê năm 2026");
        var second = await CreateNewsAsync("Tập huấn nghiệp vụ điều tra doanh nghiệp");
        var publisher = await SignedInAsync(Publisher);

        // Bad input and a role without the right: 4xx with a reason, nothing stored.
        var unitHead = await SignedInAsync(UnitHead);
        var before = await DatabaseSnapshot.TakeAsync(Site);
        AssertStatus(HttpStatusCode.Forbidden, await PostAsync(unitHead, "Add", new() { ["termName"] = "Mục của trưởng phòng" }));
        foreach (var (handler, form, message) in new (string, Dictionary<string, string>, string)[]
        {
            ("Add", new() { ["termName"] = "  " }, "Hãy nhập tên mục"),
            ("Rename", new() { ["termId"] = "khong-co-muc", ["termName"] = "Tên mới" }, "Mục không có trong danh mục"),
            ("Merge", new() { ["termId"] = "hoat-dong-cua-cuc", ["intoId"] = "hoat-dong-cua-cuc" }, "Hãy chọn một mục khác"),
            ("Add", new() { ["termName"] = "Mục con", ["parentId"] = "khong-co-muc" }, "Mục cha không có"),
        })
        {
            var refused = await PostAsync(publisher, handler, form);
            AssertStatus(HttpStatusCode.BadRequest, refused);
            Assert.Contains(message, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        await before.AssertUnchangedAsync(Site);

        AssertStatus(HttpStatusCode.Redirect, await PostAsync(publisher, "Add", new() { ["termName"] = "Thống kê nông nghiệp" }));
        var added = (await TermsAsync()).Single(t => t.Name == "Thống kê nông nghiệp");
        Assert.Equal("thong-ke-nong-nghiep", added.TermId);
        AssertStatus(HttpStatusCode.Redirect, await PostAsync(publisher, "Rename", new() { ["termId"] = added.TermId, ["termName"] = "Thống kê nông, lâm nghiệp và thủy sản" }));
        AssertStatus(HttpStatusCode.Redirect, await PostAsync(publisher, "Move", new() { ["termId"] = added.TermId, ["up"] = "true" }));
        var terms = await TermsAsync();
        var moved = terms.FindIndex(t => t.TermId == added.TermId);
        Assert.Equal("Thống kê nông, lâm nghiệp và thủy sản", terms[moved].Name);
        Assert.True(moved < terms.Count - 1, "Moved up, it is no longer last.");

        // The items of a term are listed; merged into the new term, they carry it (field and index) and the old term goes.
        var usage = await publisher.GetStringAsync(Page + "?muc=hoat-dong-cua-cuc");
        Assert.Contains("Tập huấn nghiệp vụ điều tra doanh nghiệp", usage, StringComparison.Ordinal);
        AssertStatus(HttpStatusCode.Redirect, await PostAsync(publisher, "Merge", new() { ["termId"] = "hoat-dong-cua-cuc", ["intoId"] = added.TermId }));
        Assert.DoesNotContain(await TermsAsync(), t => t.TermId == "hoat-dong-cua-cuc");
        await Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            foreach (var id in new[] { first, second })
            {
                var latest = await db.Set<ContentItem>().SingleAsync(c => c.ContentItemId == id && c.Latest);
                Assert.Equal(added.TermId, latest.Content["News"]!["Category"]!["TermIds"]![0]!.GetValue<string>());
                Assert.Equal(added.TermId, (await db.Set<TaxonomyIndex>().SingleAsync(i => i.ContentItemVersionId == latest.Id)).TermId);
            }
        });
        Assert.Contains("Hội nghị tổng kết công tác thống kê năm 2026", await publisher.GetStringAsync(Page + "?muc=" + added.TermId), StringComparison.Ordinal);
    }
}
