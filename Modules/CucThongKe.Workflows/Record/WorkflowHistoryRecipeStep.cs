using CucThongKe.Contents.Models;
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
/// </remarks>
internal sealed class WorkflowHistoryRecipeStep(WorkflowService workflows, UserManager<CmsUser> users, IUserClaimsPrincipalFactory<CmsUser> principals, WorkflowDefinitionStore definitions, CmsDbContext db) : IRecipeStep
{
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

            for (var j = 0; j < input.Steps.Count; j++)
            {
                var step = input.Steps[j];
                var stepPath = $"{path}.Steps[{j}]";
                if (!actors.TryGetValue(step.UserName, out var actor))
                {
                    actor = await ActorAsync(step.UserName) ?? throw context.Error(stepPath + ".UserName", $"không có tài khoản đang hoạt động tên '{step.UserName}'.");
                    actors[step.UserName] = actor;
                }

                var at = DateTime.SpecifyKind(step.At.UtcDateTime, DateTimeKind.Utc);
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

        public required DateTimeOffset At { get; set; }

        public string? Comment { get; set; }
    }
}
