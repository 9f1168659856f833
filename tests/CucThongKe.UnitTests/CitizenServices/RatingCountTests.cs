using CucThongKe.CitizenServices.Rating;

namespace CucThongKe.UnitTests.CitizenServices;

public sealed class RatingCountTests
{
    [Fact]
    public void Counts_the_votes_the_mean_and_the_distribution()
    {
        var count = RatingCount.Of("Trang thông tin điện tử", [(5, 3), (4, 1), (1, 1), (5, 1)]);

        Assert.Equal(6, count.Votes);
        Assert.Equal([1, 0, 0, 1, 4], count.Distribution);
        Assert.Equal(4.17, count.Mean);
    }

    [Fact]
    public void No_vote_has_no_mean_and_scores_out_of_range_are_not_counted()
    {
        var count = RatingCount.Of("Câu trả lời hỏi đáp", [(0, 2), (6, 1)]);

        Assert.Equal(0, count.Votes);
        Assert.Null(count.Mean);
        Assert.Equal([0, 0, 0, 0, 0], count.Distribution);
    }
}
