using System.Net;
using System.Text.RegularExpressions;
using CucThongKe.CitizenServices.Feedback;
using CucThongKe.CitizenServices.Rating;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;
using CucThongKe.Users.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.PublicSite;

/// <summary>Contacts (issue 13 item 9, Điều 12.8): the office's and each unit head's phone and e-mail come from the units'
/// data and the site settings, and on the demo no public page reads "Chưa cập nhật".</summary>
public sealed partial class ContactsTests(SharedSite shared) : SiteTestBase(DatabaseProvider.Sqlite), IClassFixture<SharedSite>
{
    private Task<TestSite> DemoAsync() => DemoSite.SharedAsync(shared);

    [Fact]
    public async Task The_demo_fills_the_footer_the_contact_page_and_the_directory_from_the_units_and_settings()
    {
        var site = await DemoAsync();
        var client = ClientOf(site);
        var units = await site.WithScopeAsync(s => s.GetRequiredService<UnitsInEffect>().ListAsync());

        // The footer of every page: the office's phone and e-mail (site settings).
        var home = await client.GetStringAsync("/");
        Assert.Contains("0208 3855 100", home, StringComparison.Ordinal);
        Assert.Contains("mailto:cucthongke@example.vn", home, StringComparison.Ordinal);

        // The contact page: the office and every unit's own phone and e-mail (units' data).
        var contact = await client.GetStringAsync("/lien-he");
        foreach (var unit in units.Where(u => u.Kind != UnitKind.Office))
        {
            Assert.False(unit.Phone is null || unit.Email is null, $"The demo leaves {unit.Id} without a phone or an e-mail.");
            Assert.Contains($"mailto:{unit.Email}", contact, StringComparison.Ordinal);
            Assert.Contains(unit.Phone!, contact, StringComparison.Ordinal);
        }

        // The leaders' e-mail directory: every head by name, e-mail and phone.
        var directory = await client.GetStringAsync("/danh-ba");
        foreach (var unit in units.Where(u => u.Kind != UnitKind.Office))
        {
            Assert.False(unit.HeadName is null || unit.HeadEmail is null || unit.HeadPhone is null, $"The demo leaves the head of {unit.Id} incomplete.");
            Assert.Contains(unit.HeadName!, directory, StringComparison.Ordinal);
            Assert.Contains($"mailto:{unit.HeadEmail}", directory, StringComparison.Ordinal);
            Assert.Contains(unit.HeadPhone!, directory, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task No_page_of_the_demo_site_map_reads_not_yet_filled_in()
    {
        var site = await DemoAsync();
        var client = ClientOf(site);
        var map = await client.GetStringAsync("/so-do-trang");
        var pages = LocalLink().Matches(map).Select(m => m.Groups[1].Value).Append("/").Append("/danh-ba").Append("/lien-he").Distinct().ToList();
        Assert.True(pages.Count > 10, "The site map lists too few pages to be the site's.");
        foreach (var page in pages)
        {
            var response = await client.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Chưa cập nhật", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_demo_fills_the_feedback_inbox_and_the_satisfaction_report()
    {
        var site = await DemoAsync();
        var client = ClientOf(site);
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, TestSite.AdminUserName, TestSite.AdminPassword));

        // Feedback of several units and categories, one answered by its unit.
        var inbox = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/gop-y"));
        Assert.Contains("Đề nghị Cục đăng thêm số liệu dân số theo từng xã", inbox, StringComparison.Ordinal);
        Assert.Contains("Bảng chỉ số giá tiêu dùng hằng tháng nên có thêm tệp Excel", inbox, StringComparison.Ordinal);
        Assert.Contains("Đã trả lời", inbox, StringComparison.Ordinal);
        var cases = await site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<FeedbackCase>().ToListAsync());
        Assert.True(cases.Count >= 4 && cases.All(c => c.CategoryId is not null) && cases.Count(c => c.Status == FeedbackState.Answered) == 1);

        // Votes on the site and on an answered question, this month (the report's default period).
        var report = await client.GetAsync("/admin/danh-gia-hai-long");
        AssertStatus(HttpStatusCode.OK, report);
        var month = await site.WithScopeAsync(s => s.GetRequiredService<SatisfactionRatings>().BuildAsync(FeedbackPeriod.MonthOf(DateTime.UtcNow), default));
        Assert.True(month.Total.Votes >= 9, $"The demo's votes of this month: {month.Total.Votes}.");
        Assert.All(month.ByTarget, t => Assert.True(t.Votes > 0, $"No demo vote on {t.Name}."));
    }

    [GeneratedRegex("href=\"(/[^\"#?]*)\"")]
    private static partial Regex LocalLink();
}
