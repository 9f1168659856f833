using System.Globalization;
using System.Text.RegularExpressions;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Statistics.DataTables;
using CucThongKe.Users.Units;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.CitizenServices.Feedback;

/// <summary>A month (<c>2026-12</c>), a quarter (<c>2026-Q4</c>) or a year (<c>2026</c>) in Vietnam's time, as the summary's address names it.</summary>
public sealed partial record FeedbackPeriod(string Code, string Label, DateTime FromUtc, DateTime ToUtc)
{
    /// <summary>The period of <paramref name="code"/>, or null when it is not one (years 2000 to 2100).</summary>
    public static FeedbackPeriod? Parse(string? code)
    {
        var match = PeriodPattern().Match(code ?? "");
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return null;
        }

        if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            return month is < 1 or > 12 ? null : Of(code!, $"Tháng {month}/{year}", new DateTime(year, month, 1), 1);
        }

        if (match.Groups["quarter"].Success)
        {
            var quarter = match.Groups["quarter"].Value[0] - '0';
            string[] roman = ["I", "II", "III", "IV"];
            return quarter is < 1 or > 4 ? null : Of(code!, $"Quý {roman[quarter - 1]}/{year}", new DateTime(year, ((quarter - 1) * 3) + 1, 1), 3);
        }

        return Of(code!, $"Năm {year}", new DateTime(year, 1, 1), 12);
    }

    /// <summary>The month of <paramref name="utc"/> in Vietnam's time.</summary>
    public static FeedbackPeriod MonthOf(DateTime utc)
    {
        var local = VietnamTime.FromUtc(utc);
        return Parse(local.ToString("yyyy-MM", CultureInfo.InvariantCulture))!;
    }

    private static FeedbackPeriod Of(string code, string label, DateTime localStart, int months) =>
        new(code, label, VietnamTime.ToUtc(localStart), VietnamTime.ToUtc(localStart.AddMonths(months)));

    [GeneratedRegex("^(?<year>[0-9]{4})(-(?<month>[0-9]{2})|-Q(?<quarter>[0-9]))?$")]
    private static partial Regex PeriodPattern();
}

/// <summary>A line of the summary: how many feedback were received, how many answered, and the mean time to the first reply.</summary>
public sealed record FeedbackCount(string Name, int Received, int Answered, double? MeanHoursToAnswer);

/// <summary>The summary of the feedback received in a period, by category, unit and status (Điều 14.4).</summary>
public sealed record FeedbackReport(FeedbackPeriod Period, IReadOnlyList<FeedbackCount> ByCategory, IReadOnlyList<FeedbackCount> ByUnit, IReadOnlyList<FeedbackCount> ByStatus, FeedbackCount Total);

/// <summary>Counts the feedback received in a period for the board's summary page and its XLSX export.</summary>
/// <remarks>The period's cases are read as five columns and counted here: a period of a provincial office holds at most a
/// few thousand, and the mean time to answer is the same on both database providers this way.</remarks>
public sealed class FeedbackSummary(CmsDbContext db, FeedbackCategories categories)
{
    public const string NoCategory = "(chưa phân loại)";

    public async Task<FeedbackReport> BuildAsync(FeedbackPeriod period, CancellationToken cancellationToken)
    {
        var rows = await (
            from c in db.Set<FeedbackCase>()
            join i in db.Set<ContentItem>() on c.ContentItemId equals i.ContentItemId
            where i.Latest && !i.Removed && c.ReceivedUtc >= period.FromUtc && c.ReceivedUtc < period.ToUtc
            select new { c.CategoryId, i.UnitId, c.Status, c.ReceivedUtc, c.RepliedUtc }).ToListAsync(cancellationToken);
        var categoryNames = (await categories.ListAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Name);
        var unitNames = (await db.Set<Unit>().AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.Name);

        FeedbackCount Count(string name, IEnumerable<(DateTime Received, DateTime? Replied)> group)
        {
            var list = group.ToList();
            var hours = list.Where(r => r.Replied is not null).Select(r => (r.Replied!.Value - r.Received).TotalHours).ToList();
            return new FeedbackCount(name, list.Count, hours.Count, hours.Count == 0 ? null : Math.Round(hours.Average(), 1));
        }

        var pairs = rows.Select(r => (Row: r, Times: (r.ReceivedUtc, r.RepliedUtc))).ToList();
        return new FeedbackReport(
            period,
            [.. pairs.GroupBy(p => p.Row.CategoryId is { } id && categoryNames.TryGetValue(id, out var n) ? n : NoCategory)
                .Select(g => Count(g.Key, g.Select(p => p.Times))).OrderByDescending(c => c.Received).ThenBy(c => c.Name, StringComparer.Ordinal)],
            [.. pairs.GroupBy(p => p.Row.UnitId is { } id && unitNames.TryGetValue(id, out var n) ? n : "(không rõ)")
                .Select(g => Count(g.Key, g.Select(p => p.Times))).OrderByDescending(c => c.Received).ThenBy(c => c.Name, StringComparer.Ordinal)],
            [.. Enum.GetValues<FeedbackState>().Select(s => Count(FeedbackCase.StatusName(s), pairs.Where(p => p.Row.Status == s).Select(p => p.Times)))],
            Count("Tổng cộng", pairs.Select(p => p.Times)));
    }

    /// <summary>The summary as a workbook (Statistics' XLSX writer): the column headers, the three groupings each under its
    /// title and closed by the total, numbers as numbers, the source under the data.</summary>
    public static byte[] Xlsx(FeedbackReport report, string owner)
    {
        static string Number(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
        static IReadOnlyList<string> Line(FeedbackCount c) =>
            [c.Name, c.Received.ToString(CultureInfo.InvariantCulture), c.Answered.ToString(CultureInfo.InvariantCulture), Number(c.MeanHoursToAnswer)];

        var rows = new List<IReadOnlyList<string>>();
        foreach (var (title, group) in new[] { ("Theo chủ đề", report.ByCategory), ("Theo đơn vị", report.ByUnit), ("Theo trạng thái", report.ByStatus) })
        {
            rows.Add([title]);
            rows.AddRange(group.Select(Line));
            rows.Add(Line(report.Total));
        }

        var table = new StatTable
        {
            Caption = "Tổng hợp góp ý " + report.Period.Label,
            Headers = ["Mục", "Số góp ý nhận", "Số đã trả lời", "Thời gian trả lời trung bình (giờ)"],
            Rows = rows,
        };
        return StatTableExport.Xlsx(table, $"Nguồn: {owner}, sổ góp ý của Trang thông tin điện tử (Điều 14.4).");
    }
}
