using CucThongKe.CitizenServices.Forms;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Users.Units;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.CitizenServices.Feedback;

/// <summary>A feedback item's case is opened when the item is created, whatever created it, and its unit told; feedback moved
/// to another unit (triage) is new to that unit, which is told as on arrival. In the change's transaction (the mail leaves
/// after the commit).</summary>
internal sealed class FeedbackCaseHandler(FeedbackIntake intake, CmsDbContext db) : IContentHandler
{
    public Task CreatedAsync(ContentContext context, CancellationToken cancellationToken) =>
        context.Item.ContentType == CitizenMessageKind.Feedback.ContentType ? intake.OpenAsync(context.Item, cancellationToken) : Task.CompletedTask;

    public async Task UnitTransferredAsync(ContentUnitTransferContext context, CancellationToken cancellationToken)
    {
        if (context.Item.ContentType != CitizenMessageKind.Feedback.ContentType
            || await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == context.ToUnitId, cancellationToken) is not { } unit)
        {
            return;
        }

        await intake.NotifyUnitAsync(context.Item, unit, cancellationToken);
    }
}
