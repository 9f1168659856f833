using System.Globalization;
using System.Security.Claims;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Data;
using CucThongKe.Core.Security;
using CucThongKe.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Instances;

/// <summary>
/// The dashboard's "what waits at each gate" block: for the director and the board, every unit's items waiting at each gate of the
/// chain, how long the oldest has waited and how many are late; for a unit head, the same for their unit's items only.
/// </summary>
internal sealed class ChainGatesWidget(CmsDbContext db, WorkflowDefinitionStore definitions, TimeProvider clock) : IDashboardWidget
{
    /// <summary>Who reads every unit's gates: the director and the editorial board (Điều 9, 15).</summary>
    public static readonly string[] Overseers = ["Director", .. WorkflowService.BoardRoles];

    /// <summary>How many late items the block lists; the inbox and the content list have them all.</summary>
    public const int LateShown = 5;

    public int Order => 5;

    public async Task<DashboardBlock?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var everyUnit = Overseers.Any(user.IsInRole);
        var unit = user.FindFirst(CmsClaims.Unit)?.Value;
        if (!everyUnit && !(user.IsInRole("UnitHead") && unit is not null))
        {
            return null;
        }

        var all = await definitions.ListAsync(cancellationToken);
        var waiting = all.SelectMany(d => d.States.Where(s => s.Kind is WorkflowStateKind.InReview or WorkflowStateKind.Approved).Select(s => d.Name + "/" + s.Name)).ToList();
        var instances = db.Set<WorkflowInstance>().AsNoTracking().Where(i => waiting.Contains(i.WorkflowName + "/" + i.State));
        if (!everyUnit)
        {
            instances = instances.Where(i => i.UnitId == unit);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // One row per gate, however many items wait (bounded by the chains' states).
        var gates = await instances.GroupBy(i => new { i.WorkflowName, i.State })
            .Select(g => new { g.Key.WorkflowName, g.Key.State, Count = g.Count(), Oldest = g.Min(i => i.StateEnteredUtc), Late = g.Count(i => i.DueUtc != null && i.DueUtc <= now) })
            .ToListAsync(cancellationToken);
        var late = await (from i in instances.Where(i => i.DueUtc != null && i.DueUtc <= now)
                          join c in db.Set<ContentItem>() on i.ContentItemId equals c.ContentItemId
                          where c.Latest
                          orderby i.DueUtc
                          select new { i.ContentItemId, i.WorkflowName, i.State, i.DueUtc, c.DisplayText }).Take(LateShown).ToListAsync(cancellationToken);
        var byName = all.ToDictionary(d => d.Name, StringComparer.Ordinal);
        string StateName(string workflow, string state) => byName.GetValueOrDefault(workflow)?.FindState(state)?.DisplayName ?? state;

        var total = gates.Sum(g => g.Count);
        var totalLate = gates.Sum(g => g.Late);
        var facts = gates.OrderByDescending(g => g.Late).ThenBy(g => g.Oldest)
            .Select(g => new DashboardFact(
                StateName(g.WorkflowName, g.State),
                $"{Count(g.Count)} nội dung, lâu nhất {Waited(now - g.Oldest)}" + (g.Late > 0 ? $", {Count(g.Late)} quá hạn" : ""),
                g.Late > 0))
            .ToList();
        var links = late.Select(l => new DashboardLink(l.DisplayText ?? l.ContentItemId, $"/admin/quy-trinh/noi-dung/{l.ContentItemId}",
            $"{StateName(l.WorkflowName, l.State)}, quá hạn từ {VietnamTime.Format(l.DueUtc)}", true)).ToList();
        var headline = total == 0
            ? "Không có nội dung nào đang chờ duyệt."
            : $"{Count(total)} nội dung đang chờ duyệt" + (totalLate > 0 ? $", {Count(totalLate)} quá hạn." : ".");
        return new DashboardBlock(everyUnit ? "Đang chờ ở từng khâu" : "Hàng chờ của đơn vị", headline, facts, links,
            new DashboardLink("Xem danh sách theo bước duyệt", "/admin/contents"), Urgent: totalLate > 0);
    }

    internal static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>"3 ngày", "5 giờ", "dưới 1 giờ".</summary>
    internal static string Waited(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{Count((int)span.TotalDays)} ngày" : span.TotalHours >= 1 ? $"{Count((int)span.TotalHours)} giờ" : "dưới 1 giờ";
}

/// <summary>The dashboard's block for an author: their drafts, and what was returned to them with the comment that returned it.</summary>
internal sealed class MyWorkWidget(CmsDbContext db, WorkflowDefinitionStore definitions) : IDashboardWidget
{
    public const int Shown = 5;

    public int Order => 8;

    public async Task<DashboardBlock?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var me = user.Identity?.Name;
        if (me is null)
        {
            return null;
        }

        var all = await definitions.ListAsync(cancellationToken);
        string[] Pairs(WorkflowStateKind kind) => [.. all.SelectMany(d => d.States.Where(s => s.Kind == kind).Select(s => d.Name + "/" + s.Name))];
        var drafts = Pairs(WorkflowStateKind.Draft);
        var returned = Pairs(WorkflowStateKind.Returned);
        var mine = db.Set<WorkflowInstance>().AsNoTracking().Where(i => i.Author == me);
        var draftCount = await mine.CountAsync(i => drafts.Contains(i.WorkflowName + "/" + i.State), cancellationToken);
        var returns = await (from i in mine.Where(i => returned.Contains(i.WorkflowName + "/" + i.State))
                             join c in db.Set<ContentItem>() on i.ContentItemId equals c.ContentItemId
                             where c.Latest
                             orderby i.StateEnteredUtc
                             select new { i.ContentItemId, c.DisplayText, i.StateEnteredUtc }).Take(Shown).ToListAsync(cancellationToken);
        var returnCount = await mine.CountAsync(i => returned.Contains(i.WorkflowName + "/" + i.State), cancellationToken);
        if (draftCount == 0 && returnCount == 0)
        {
            return null;
        }

        // The comment of the step that returned each item (the last step into its returned state).
        var ids = returns.Select(r => r.ContentItemId).ToList();
        var comments = (await db.Set<WorkflowStep>().AsNoTracking().Where(s => ids.Contains(s.ContentItemId) && s.Comment != null)
                .Select(s => new { s.ContentItemId, s.Sequence, s.Comment, s.UserName }).ToListAsync(cancellationToken))
            .GroupBy(s => s.ContentItemId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Sequence)!);
        var links = returns.Select(r => new DashboardLink(r.DisplayText ?? r.ContentItemId, $"/admin/contents/{r.ContentItemId}/edit",
            comments.TryGetValue(r.ContentItemId, out var c) ? $"trả lại: “{Shorten(c.Comment!)}” ({c.UserName})" : "trả lại", true)).ToList();
        return new DashboardBlock("Bài viết của tôi", $"{ChainGatesWidget.Count(returnCount)} bài bị trả lại, {ChainGatesWidget.Count(draftCount)} bản nháp.",
            [new("Bản nháp", ChainGatesWidget.Count(draftCount)), new("Bị trả lại", ChainGatesWidget.Count(returnCount), returnCount > 0)], links,
            new DashboardLink("Xem bản nháp của tôi", "/admin/contents?buoc=" + WorkflowContentList.MyDrafts), Urgent: returnCount > 0);
    }

    private static string Shorten(string text) => text.Length > 120 ? text[..117] + "…" : text;
}

/// <summary>The dashboard's "publications this month" block for the director and the board: how many items were published each day
/// of this month (Vietnam time), as a small chart, and by which path.</summary>
internal sealed class PublicationsWidget(CmsDbContext db, TimeProvider clock) : IDashboardWidget
{
    public int Order => 40;

    public async Task<DashboardBlock?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!ChainGatesWidget.Overseers.Any(user.IsInRole))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(VietnamTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        var first = new DateOnly(today.Year, today.Month, 1);
        var fromUtc = VietnamTime.ToUtc(first.ToDateTime(TimeOnly.MinValue));
        var toUtc = VietnamTime.ToUtc(first.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        // Items first published this month (their published version), one row per item; bounded by a month's publications.
        var times = await db.Set<ContentItem>().AsNoTracking()
            .Where(c => c.Published && c.PublishedUtc >= fromUtc && c.PublishedUtc < toUtc)
            .Select(c => c.PublishedUtc!.Value).OrderBy(t => t).Take(10_000).ToListAsync(cancellationToken);
        var perDay = times.GroupBy(t => DateOnly.FromDateTime(VietnamTime.FromUtc(t)).Day).ToDictionary(g => g.Key, g => g.Count());
        var bars = Enumerable.Range(1, today.Day).Select(d => new DashboardBar(d.ToString("00", CultureInfo.InvariantCulture), perDay.GetValueOrDefault(d))).ToList();
        var month = today.ToString("MM/yyyy", CultureInfo.InvariantCulture);
        return new DashboardBlock($"Đăng trong tháng {month}", $"{ChainGatesWidget.Count(times.Count)} nội dung đã đăng từ đầu tháng.", [], [],
            new DashboardLink("Xem nội dung đã đăng", "/admin/contents?state=published"),
            new DashboardChart($"Số nội dung đăng mỗi ngày, từ 01/{month} đến {today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}", bars));
    }
}
