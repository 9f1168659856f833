using System.Globalization;
using System.Text.RegularExpressions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Recipes;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using CucThongKe.Users.Identity;
using CucThongKe.Workflows.Definitions;
using CucThongKe.Workflows.Instances;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Record;

/// <summary>
/// The <c>WorkflowHistory</c> step: a past month of the chain for named items (a demo, or a migration of a chain kept on paper),
/// each step taken by <see cref="WorkflowService"/> as the named person at the given time, so that the record, the publication
/// and the statistics are those of real use.
/// </summary>
/// <remarks>
/// <para>Every check of the chain applies (the person's roles and unit as at sign-in, separation of duties, the state, a required
/// comment, the publish guards); a step the person could not take refuses the whole recipe. Each recorded comment names the
/// recipe and its runner, so the record never passes a recipe's history off as a person's own click.</para>
/// <para>Writing steps in other people's names at past times is a migration act like a legacy import: only where the run allows
/// one (the setup of an empty site, <c>recipe run FILE --legacy-import</c>), never the back office.</para>
/// <para>A time is absolute (<c>2026-11-03T09:00:00+07:00</c>) or relative to the month the recipe runs in, Vietnam time
/// (<c>M-1-03T09:00</c>: the 3rd of last month at 09:00), so that a demo's month stays a recent past month whenever it is applied.
/// An item the same recipe's <c>Content</c> step created (<see cref="RecipeCreatedItems"/>) counts as created at its first step
/// when that is earlier than its creation, and as written by the person who takes that first step: the demo's items are
/// written before their history, by the people who submit them. An item the site had before is never backdated nor given
/// another author: its history starts after its creation.</para>
/// </remarks>
internal sealed partial class WorkflowHistoryRecipeStep(
    WorkflowService workflows,
    UserManager<CmsUser> users,
    IUserClaimsPrincipalFactory<CmsUser> principals,
    WorkflowDefinitionStore definitions,
    RecipeCreatedItems createdByRecipe,
    TimeProvider clock,
    CmsDbContext db) : IRecipeStep
{
    /// <summary>What a relative time looks like: the months before the run's month (0 for the run's own), the day, the time.</summary>
    private const string RelativeFormat = "M-1-03T09:00";

    public string Name => "WorkflowHistory";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Options.LegacyImportRefusal is { } refusal)
        {
            throw context.Error("", "ghi lịch sử quy trình duyệt (bước của người khác, thời điểm đã qua) là việc chuyển dữ liệu: " + refusal);
        }

        var model = context.Read<StepModel>();
        var note = $"[Ghi từ công thức '{context.Recipe.Name}' do {context.Options.ActorUserName} chạy.]";
        var actors = new Dictionary<string, WorkflowActor>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < model.Items.Count; i++)
        {
            var input = model.Items[i];
            var path = $".Items[{i}]";
            var ids = await db.Set<ContentItem>().AsNoTracking().Where(c => c.Latest && c.DisplayText == input.Item).OrderBy(c => c.Id).Select(c => c.ContentItemId).Take(2).ToListAsync(cancellationToken);
            if (ids.Count != 1)
            {
                throw context.Error(path + ".Item", ids.Count == 0 ? $"không có nội dung tên '{input.Item}'." : $"có nhiều nội dung cùng tên '{input.Item}'.");
            }

            var times = new DateTime[input.Steps.Count];
            for (var j = 0; j < input.Steps.Count; j++)
            {
                times[j] = ParseTime(input.Steps[j].At)
                    ?? throw context.Error($"{path}.Steps[{j}].At",
                        $"thời điểm '{input.Steps[j].At}' không đọc được: ghi ngày giờ kèm múi giờ (2026-11-03T09:00:00+07:00) hoặc theo tháng chạy công thức ({RelativeFormat}: ngày 03 tháng trước, 09:00 giờ Việt Nam).");
            }

            if (times.Length > 0 && createdByRecipe.Contains(context.Recipe, ids[0]))
            {
                var first = input.Steps[0].UserName;
                if (!actors.ContainsKey(first))
                {
                    actors[first] = await ActorAsync(first) ?? throw context.Error(path + ".Steps[0].UserName", $"không có tài khoản đang hoạt động tên '{first}'.");
                }

                await WrittenByAsync(ids[0], times[0], first, cancellationToken);
            }

            for (var j = 0; j < input.Steps.Count; j++)
            {
                var step = input.Steps[j];
                var stepPath = $"{path}.Steps[{j}]";
                if (!actors.TryGetValue(step.UserName, out var actor))
                {
                    actor = await ActorAsync(step.UserName) ?? throw context.Error(stepPath + ".UserName", $"không có tài khoản đang hoạt động tên '{step.UserName}'.");
                    actors[step.UserName] = actor;
                }

                var at = times[j];
                try
                {
                    var instance = await workflows.TransitionAtAsync(ids[0], step.Transition, step.Comment, null, actor, (at, note), cancellationToken);
                    await DatePublicationAsync(instance, at, cancellationToken);
                }
                catch (Exception ex) when (ex is WorkflowForbiddenException or WorkflowConflictException or WorkflowInputException or WorkflowNotFoundException)
                {
                    throw context.Error(stepPath, $"{step.UserName} không thực hiện được '{step.Transition}': {ex.Message}");
                }
            }
        }
    }

    /// <summary>An absolute time with its offset, or one relative to the run's month in Vietnam time; null when neither
    /// (a day the month does not have included).</summary>
    private DateTime? ParseTime(string text)
    {
        if (RelativeTime().Match(text.Trim()) is { Success: true } match)
        {
            var now = VietnamTime.FromUtc(clock.GetUtcNow().UtcDateTime);
            var month = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(int.Parse(match.Groups["months"].Value, CultureInfo.InvariantCulture));
            var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
            var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
            var minute = int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
            return day < 1 || day > DateTime.DaysInMonth(month.Year, month.Month) || hour > 23 || minute > 59
                ? null
                : VietnamTime.ToUtc(month.AddDays(day - 1).AddHours(hour).AddMinutes(minute));
        }

        // An absolute time must say its offset: a bare local time would be read in the server's zone.
        return AbsoluteTime().IsMatch(text.Trim())
            && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var absolute)
            ? absolute.UtcDateTime
            : null;
    }

    /// <summary>An item this recipe created was written for its history: it counts as created at the history's first step
    /// (every version, and its last change no later), and as written by the person who takes that step, the author who
    /// submits it (the recipe's runner created it, and the office's statistics would otherwise count "setup" as a person).</summary>
    private async Task WrittenByAsync(string contentItemId, DateTime firstStepUtc, string author, CancellationToken cancellationToken)
    {
        foreach (var version in await db.Set<ContentItem>().Where(c => c.ContentItemId == contentItemId).ToListAsync(cancellationToken))
        {
            version.CreatedUtc = version.CreatedUtc > firstStepUtc ? firstStepUtc : version.CreatedUtc;
            version.ModifiedUtc = version.ModifiedUtc > firstStepUtc ? firstStepUtc : version.ModifiedUtc;
            version.Author = author;
            version.Owner = author;
        }

        if (await db.Set<WorkflowInstance>().FirstOrDefaultAsync(i => i.ContentItemId == contentItemId, cancellationToken) is { } instance)
        {
            instance.Author = author;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [GeneratedRegex(@"^M(?<months>0|[+-][0-9]{1,2})-(?<day>[0-9]{1,2})T(?<hour>[0-9]{2}):(?<minute>[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeTime();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex AbsoluteTime();

    /// <summary>The person as signing in makes them (roles, unit, permissions), or null for no such active account.</summary>
    private async Task<WorkflowActor?> ActorAsync(string userName)
    {
        var user = await users.FindByNameAsync(userName);
        return user is null || user.DeactivatedUtc is not null ? null : WorkflowActor.From(await principals.CreateAsync(user));
    }

    /// <summary>A publication the step made bears the step's time (the site lists it on its day), not the recipe's run.</summary>
    private async Task DatePublicationAsync(WorkflowInstance instance, DateTime at, CancellationToken cancellationToken)
    {
        if ((await definitions.GetAsync(instance.WorkflowName, cancellationToken))?.FindState(instance.State)?.Kind != WorkflowStateKind.Published
            || await db.Set<ContentItem>().FirstOrDefaultAsync(c => c.Id == instance.ApprovedVersionId && c.Published, cancellationToken) is not { } published
            || published.PublishedUtc <= at)
        {
            return;
        }

        published.PublishedUtc = at;
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed class StepModel
    {
        public List<ItemModel> Items { get; set; } = [];
    }

    private sealed class ItemModel
    {
        /// <summary>The item's title (its latest version's).</summary>
        public required string Item { get; set; }

        public List<StepInput> Steps { get; set; } = [];
    }

    private sealed class StepInput
    {
        public required string Transition { get; set; }

        public required string UserName { get; set; }

        /// <summary>Absolute with its offset (<c>2026-11-03T09:00:00+07:00</c>) or relative to the run's month (<c>M-1-03T09:00</c>).</summary>
        public required string At { get; set; }

        public string? Comment { get; set; }
    }
}
