using System.Security.Cryptography;
using System.Text;
using CucThongKe.CitizenServices.Feedback;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.CitizenServices.Rating;

/// <summary>A vote refused (400): a score out of range, an unknown reason, a question not published, a form sent twice.</summary>
public sealed class RatingException(string message) : Exception(message);

/// <summary>Counts of one kind of target in a period: how many votes, their mean, and how many gave each score 1 to 5.</summary>
public sealed record RatingCount(string Name, int Votes, double? Mean, IReadOnlyList<int> Distribution)
{
    /// <summary>The line of <paramref name="scores"/> (pairs of score and count; scores outside 1..5 are not counted).</summary>
    public static RatingCount Of(string name, IEnumerable<(int Score, int Count)> scores)
    {
        var distribution = new int[5];
        foreach (var (score, count) in scores)
        {
            if (score is >= 1 and <= 5)
            {
                distribution[score - 1] += count;
            }
        }

        var votes = distribution.Sum();
        double? mean = votes == 0 ? null : Math.Round(distribution.Select((n, i) => (double)n * (i + 1)).Sum() / votes, 2);
        return new RatingCount(name, votes, mean, distribution);
    }
}

/// <summary>The board's report of a period: by target kind and in total; never a single vote.</summary>
public sealed record RatingReport(FeedbackPeriod Period, IReadOnlyList<RatingCount> ByTarget, RatingCount Total, IReadOnlyList<(string Label, int Count)> ByReason);

/// <summary>Satisfaction votes on the site and on answered questions: taken once per form, reported only in aggregate.</summary>
public sealed class SatisfactionRatings(CmsDbContext db, UnitOfWork unitOfWork, TimeProvider time)
{
    /// <summary>The fixed reasons a voter may pick (code, label); no free text, which could identify a person.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Reasons =
    [
        ("de-hieu", "Thông tin đầy đủ, dễ hiểu"),
        ("kho-tim", "Khó tìm thông tin cần"),
        ("thieu", "Thông tin chưa đầy đủ, chưa cập nhật"),
        ("cham", "Trả lời chậm"),
        ("khac", "Lý do khác"),
    ];

    public static readonly IReadOnlyDictionary<RatingTarget, string> TargetNames = new Dictionary<RatingTarget, string>
    {
        [RatingTarget.Site] = "Trang thông tin điện tử",
        [RatingTarget.Question] = "Câu trả lời hỏi đáp",
    };

    public const string UsedFormMessage = "Biểu mẫu này đã được dùng để đánh giá. Xin cảm ơn bạn.";

    /// <summary>Whether <paramref name="contentItemId"/> is a published question (the only service rated for now).</summary>
    public Task<bool> IsPublishedQuestionAsync(string? contentItemId, CancellationToken cancellationToken) =>
        contentItemId is { Length: 32 } && contentItemId.All(char.IsAsciiHexDigitLower)
            ? db.Set<ContentItem>().AnyAsync(c => c.ContentItemId == contentItemId && c.ContentType == CitizenMessageKind.Question.ContentType && c.Published && !c.Removed, cancellationToken)
            : Task.FromResult(false);

    /// <summary>Records a vote on the site (<paramref name="questionId"/> null) or on a published question.</summary>
    /// <exception cref="RatingException">The score, the reason or the question is not valid, or the form was already sent.</exception>
    public Task VoteAsync(string? questionId, int score, string? reason, string formToken, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async ct =>
        {
            if (score is < 1 or > 5)
            {
                throw new RatingException("Xin vui lòng chọn mức hài lòng từ 1 đến 5.");
            }

            if (!string.IsNullOrEmpty(reason) && !Reasons.Any(r => r.Code == reason))
            {
                throw new RatingException("Lý do không có trong danh sách.");
            }

            if (questionId is not null && !await IsPublishedQuestionAsync(questionId, ct))
            {
                throw new RatingException("Không tìm thấy câu hỏi đã trả lời để đánh giá.");
            }

            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(formToken)));
            if (await db.Set<SatisfactionVote>().AnyAsync(v => v.TokenHash == hash, ct))
            {
                throw new RatingException(UsedFormMessage);
            }

            db.Add(new SatisfactionVote
            {
                Target = questionId is null ? RatingTarget.Site : RatingTarget.Question,
                ContentItemId = questionId,
                Score = score,
                Reason = string.IsNullOrEmpty(reason) ? null : reason,
                Day = DateOnly.FromDateTime(VietnamTime.FromUtc(time.GetUtcNow().UtcDateTime)),
                TokenHash = hash,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same form sent twice at once: the unique token hash lets one in.
                throw new RatingException(UsedFormMessage);
            }
        }, cancellationToken);

    /// <summary>The aggregate of a period: grouped in the database, so the report's size does not grow with the votes.</summary>
    public async Task<RatingReport> BuildAsync(FeedbackPeriod period, CancellationToken cancellationToken)
    {
        var from = DateOnly.FromDateTime(VietnamTime.FromUtc(period.FromUtc));
        var to = DateOnly.FromDateTime(VietnamTime.FromUtc(period.ToUtc));
        var votes = db.Set<SatisfactionVote>().AsNoTracking().Where(v => v.Day >= from && v.Day < to);
        var groups = await votes.GroupBy(v => new { v.Target, v.Score })
            .Select(g => new { g.Key.Target, g.Key.Score, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var reasons = await votes.Where(v => v.Reason != null).GroupBy(v => v.Reason!)
            .Select(g => new { Code = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var byTarget = TargetNames.Select(t => RatingCount.Of(t.Value, groups.Where(g => g.Target == t.Key).Select(g => (g.Score, g.Count)))).ToList();
        var total = RatingCount.Of("Tổng cộng", groups.Select(g => (g.Score, g.Count)));
        var byReason = Reasons.Select(r => (r.Label, reasons.Where(x => x.Code == r.Code).Sum(x => x.Count))).ToList();
        return new RatingReport(period, byTarget, total, byReason);
    }
}
