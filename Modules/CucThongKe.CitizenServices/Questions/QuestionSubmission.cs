using CucThongKe.CitizenServices.Forms;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using CucThongKe.Users.Units;

namespace CucThongKe.CitizenServices.Questions;

/// <summary>Where a citizen's question stands, as the status page shows it (no personal data).</summary>
public sealed record QuestionStatus(string Code, DateTime ReceivedUtc, bool Answered, string? Path);

/// <summary>Turns a citizen's question into a draft Question item for the unit to answer, and finds it again by its tracking code.</summary>
public sealed class QuestionSubmission(CitizenInbox inbox, CmsDbContext db)
{
    public static readonly string Prefix = CitizenMessageKind.Question.Prefix;

    /// <summary>Saves the question as a draft belonging to <paramref name="unit"/>; returns its tracking code.</summary>
    public Task<string> SubmitAsync(string name, string email, string? phone, Unit unit, string question, CancellationToken cancellationToken) =>
        inbox.SubmitAsync(CitizenMessageKind.Question, new CitizenSender(name, email, phone), unit, question, cancellationToken);

    /// <summary>As the public form sends it: <paramref name="formToken"/> is spent with the save (a second post of the same form is
    /// a <see cref="FormTokenUsedException"/>, nothing stored).</summary>
    public Task<string> SubmitFormAsync(string name, string email, string? phone, Unit unit, string question, string formToken, CancellationToken cancellationToken) =>
        inbox.SubmitFormAsync(CitizenMessageKind.Question, new CitizenSender(name, email, phone), unit, question, formToken, null, cancellationToken);

    /// <summary>The status of the question with this code, or null when there is none.</summary>
    public async Task<QuestionStatus?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var versions = await inbox.FindAsync(CitizenMessageKind.Question, code, cancellationToken);
        if (versions.Count == 0)
        {
            return null;
        }

        var published = versions.FirstOrDefault(v => v.Published);
        var path = published is null ? null : await db.Set<Contents.Indexing.AutorouteIndex>()
            .Where(r => r.ContentItemVersionId == published.Id).Select(r => r.Path).FirstOrDefaultAsync(cancellationToken);
        return new QuestionStatus(code, versions.Min(v => v.CreatedUtc), published is not null, path);
    }

    public static bool IsCode(string? code) => CitizenInbox.IsCode(Prefix, code);
}
