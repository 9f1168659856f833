using CucThongKe.CitizenServices.Forms;
using CucThongKe.Core.Data;
using CucThongKe.Users.Units;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.CitizenServices.Feedback;

/// <summary>Where a citizen's feedback stands, as the status page shows it (no personal data, not the text).</summary>
public sealed record FeedbackStatus(string Code, DateTime ReceivedUtc, string UnitName, bool Replied);

/// <summary>Turns a citizen's feedback (góp ý) into a draft Feedback item for the unit, never published, and finds it again by its tracking code.</summary>
public sealed class FeedbackSubmission(CitizenInbox inbox, FeedbackCategories categories, CmsDbContext db)
{
    public static readonly string Prefix = CitizenMessageKind.Feedback.Prefix;

    /// <summary>Saves the feedback for <paramref name="unit"/>; its case opens in the unit's inbox and the unit is told in the
    /// same transaction (<see cref="FeedbackCaseHandler"/>). Returns the tracking code.</summary>
    public Task<string> SubmitAsync(string name, string email, string? phone, Unit unit, string content, CancellationToken cancellationToken) =>
        inbox.SubmitAsync(CitizenMessageKind.Feedback, new CitizenSender(name, email, phone), unit, content, cancellationToken);

    /// <summary>As the public form sends it: the category the sender chose (one of <see cref="FeedbackCategories"/>, or none) is the
    /// case's from the start, and <paramref name="formToken"/> is spent with the save.</summary>
    /// <exception cref="FeedbackInputException">The category is not in the list (nothing stored).</exception>
    /// <exception cref="FormTokenUsedException">The form was already sent (nothing stored).</exception>
    public async Task<string> SubmitFormAsync(string name, string email, string? phone, Unit unit, string content, string? categoryId, string formToken, CancellationToken cancellationToken)
    {
        var category = await categories.CheckAsync(categoryId, cancellationToken);
        return await inbox.SubmitFormAsync(CitizenMessageKind.Feedback, new CitizenSender(name, email, phone), unit, content, formToken, async (item, ct) =>
        {
            if (category is not null)
            {
                // The case was opened by the creation (FeedbackCaseHandler) in this transaction.
                var feedbackCase = await db.Set<FeedbackCase>().SingleAsync(c => c.ContentItemId == item.ContentItemId, ct);
                feedbackCase.CategoryId = category;
                await db.SaveChangesAsync(ct);
            }
        }, cancellationToken);
    }

    /// <summary>The status of the feedback with this code, or null when there is none: replied once the unit wrote its reply.</summary>
    public async Task<FeedbackStatus?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var latest = (await inbox.FindAsync(CitizenMessageKind.Feedback, code, cancellationToken)).FirstOrDefault(v => v.Latest);
        if (latest is null)
        {
            return null;
        }

        var part = latest.Content[CitizenMessageKind.Feedback.ContentType];
        var reply = part?["Reply"]?["Html"]?.GetValue<string>();
        var unit = part?["AssignedUnit"]?["Text"]?.GetValue<string>() ?? "";
        return new FeedbackStatus(code, latest.CreatedUtc, unit, !string.IsNullOrWhiteSpace(reply));
    }

    public static bool IsCode(string? code) => CitizenInbox.IsCode(Prefix, code);
}
