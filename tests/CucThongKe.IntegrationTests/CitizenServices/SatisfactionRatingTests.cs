using System.Net;
using CucThongKe.CitizenServices.Rating;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.PublicSite;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.CitizenServices;

/// <summary>The satisfaction rating: a visitor votes once per form shown, bad input stores nothing, the board sees only aggregates.</summary>
public sealed class SatisfactionRatingTests() : CitizenFormTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task A_vote_counts_once_in_the_report_and_bad_input_stores_nothing()
    {
        var client = Client();
        var form = await OpenFormAsync(client, "/danh-gia", ("Score", "5"), waitLikeAHuman: true);
        form["Reason"] = "de-hieu";
        var sent = await client.PostAsync("/danh-gia", Fields(form));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        // The same form again (the token is single-use), scores out of range or not a number, an unknown reason or question.
        var before = await DatabaseSnapshot.TakeAsync(Site);
        var again = await client.PostAsync("/danh-gia", Fields(form));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("đã được dùng", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var (field, value, url) in new[]
        {
            ("Score", "0", "/danh-gia"), ("Score", "6", "/danh-gia"), ("Score", "năm", "/danh-gia"), ("Reason", "ly-do-tu-viet", "/danh-gia"),
            ("Score", "4", "/danh-gia?cau-hoi=0123456789abcdef0123456789abcdef"),
        })
        {
            var bad = await OpenFormAsync(client, "/danh-gia", ("Score", "4"), waitLikeAHuman: true);
            bad[field] = value;
            var response = await client.PostAsync(url, Fields(bad));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("role=\"alert\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await before.AssertUnchangedAsync(Site);

        var report = await Site.WithScopeAsync(s => s.GetRequiredService<SatisfactionRatings>()
            .BuildAsync(CucThongKe.CitizenServices.Feedback.FeedbackPeriod.MonthOf(s.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime), default));
        Assert.Equal(1, report.Total.Votes);
        Assert.Equal(5.0, report.Total.Mean);
        Assert.Equal([0, 0, 0, 0, 1], report.ByTarget.Single(t => t.Name == SatisfactionRatings.TargetNames[RatingTarget.Site]).Distribution);
        Assert.Equal(1, report.ByReason.Single(r => r.Label == "Thông tin đầy đủ, dễ hiểu").Count);
    }

    [Fact]
    public async Task The_votes_table_holds_nothing_that_could_identify_a_person()
    {
        var columns = await Site.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<CmsDbContext>().Model
            .FindEntityType(typeof(SatisfactionVote))!.GetProperties().Select(p => p.Name).Order().ToList()));

        Assert.Equal(["ContentItemId", "Day", "Id", "Reason", "Score", "Target", "TokenHash"], columns);
        Assert.Equal(typeof(DateOnly), typeof(SatisfactionVote).GetProperty(nameof(SatisfactionVote.Day))!.PropertyType);
    }
}
