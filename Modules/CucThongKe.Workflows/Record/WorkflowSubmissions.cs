using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Workflows.Definitions;
using CucThongKe.Workflows.Instances;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Workflows.Record;

/// <summary>One submission of an item into the approval chain: its author's gate (a step leaving a draft or returned state for review).</summary>
/// <param name="StepId">The recorded step (<c>WorkflowSteps.Id</c>), increasing with time.</param>
/// <param name="UnitId">The item's unit (<c>ContentItems.UnitId</c>), not the submitter's.</param>
public sealed record WorkflowSubmission(long StepId, string ContentItemId, string ContentType, string? UnitId, string? UserName, DateTime SubmittedUtc);

/// <summary>The record of submissions, read-only: the one thing other modules (the office's reporting obligations) read of the chain.</summary>
/// <remarks>
/// Which steps are submissions follows from the definitions' state kinds (<see cref="WorkflowDefinition.GateOf"/> is the author's
/// gate), never from transition names, so a renamed or added workflow is read the same way.
/// </remarks>
public interface IWorkflowSubmissions
{
    /// <summary>Submissions of items of <paramref name="contentTypes"/> recorded at or after <paramref name="sinceUtc"/>, oldest first, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<WorkflowSubmission>> ListAsync(IReadOnlyCollection<string> contentTypes, DateTime sinceUtc, int take, CancellationToken cancellationToken = default);
}

internal sealed class WorkflowSubmissions(CmsDbContext db, WorkflowDefinitionStore definitions) : IWorkflowSubmissions
{
    public async Task<IReadOnlyList<WorkflowSubmission>> ListAsync(IReadOnlyCollection<string> contentTypes, DateTime sinceUtc, int take, CancellationToken cancellationToken = default)
    {
        if (contentTypes.Count == 0 || take <= 0)
        {
            return [];
        }

        // "workflow/transition" of every transition that is an author's gate (one short list: a few per definition).
        var gates = (await definitions.ListAsync(cancellationToken))
            .SelectMany(d => d.Transitions.Where(t => d.GateOf(t) == WorkflowDefinition.AuthorGate).Select(t => d.Name + "/" + t.Name))
            .ToList();
        if (gates.Count == 0)
        {
            return [];
        }

        return await (
            from s in db.Set<WorkflowStep>().AsNoTracking()
            where s.CreatedUtc >= sinceUtc && gates.Contains(s.WorkflowName + "/" + s.Transition)
            join c in db.Set<ContentItem>().AsNoTracking() on s.ContentItemVersionId equals c.Id
            where contentTypes.Contains(c.ContentType)
            orderby s.Id
            select new WorkflowSubmission(s.Id, s.ContentItemId, c.ContentType, c.UnitId, s.UserName, s.CreatedUtc))
            .Take(take).ToListAsync(cancellationToken);
    }
}
