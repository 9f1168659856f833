using System.Security.Cryptography;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.CitizenServices.Rating;

/// <summary>The <c>SatisfactionVotes</c> step (the demo's votes, so the board's report is not empty):
/// <c>Votes: [{ Score, Reason?, Question? (a published question's title), DaysAgo, Count }]</c>. Each vote holds what a
/// vote from the form holds, and nothing more.</summary>
internal sealed class SatisfactionVotesRecipeStep(CmsDbContext db, TimeProvider time) : IRecipeStep
{
    private const int MaxEntries = 200;
    private const int MaxCount = 100;

    public string Name => "SatisfactionVotes";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<StepModel>();
        if (model.Votes.Count > MaxEntries)
        {
            throw context.Error(".Votes", $"Tối đa {MaxEntries} dòng.");
        }

        var today = DateOnly.FromDateTime(VietnamTime.FromUtc(time.GetUtcNow().UtcDateTime));
        for (var i = 0; i < model.Votes.Count; i++)
        {
            var vote = model.Votes[i];
            var path = $".Votes[{i}]";
            if (vote.Score is < 1 or > 5 || vote.Count is < 1 or > MaxCount || vote.DaysAgo is < 0 or > 3660)
            {
                throw context.Error(path, $"Điểm từ 1 đến 5, số phiếu từ 1 đến {MaxCount}, DaysAgo từ 0 đến 3660.");
            }

            if (vote.Reason is not null && !SatisfactionRatings.Reasons.Any(r => r.Code == vote.Reason))
            {
                throw context.Error(path + ".Reason", $"Lý do “{vote.Reason}” không có trong danh sách.");
            }

            string? questionId = null;
            if (vote.Question is not null)
            {
                questionId = await db.Set<ContentItem>().Where(c => c.ContentType == CitizenMessageKind.Question.ContentType && c.Published && !c.Removed && c.DisplayText == vote.Question)
                    .Select(c => c.ContentItemId).FirstOrDefaultAsync(cancellationToken)
                    ?? throw context.Error(path + ".Question", $"Không có câu hỏi đã đăng “{vote.Question}”.");
            }

            for (var n = 0; n < vote.Count; n++)
            {
                db.Add(new SatisfactionVote
                {
                    Target = questionId is null ? RatingTarget.Site : RatingTarget.Question,
                    ContentItemId = questionId,
                    Score = vote.Score,
                    Reason = vote.Reason,
                    Day = today.AddDays(-vote.DaysAgo),
                    // No form was shown: a random value keeps the column's one-vote-per-form rule.
                    TokenHash = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed class StepModel
    {
        public List<StepVote> Votes { get; set; } = [];
    }

    private sealed class StepVote
    {
        public int Score { get; set; }

        public string? Reason { get; set; }

        public string? Question { get; set; }

        public int DaysAgo { get; set; }

        public int Count { get; set; } = 1;
    }
}
