using System.Text.Json.Nodes;
using CucThongKe.Core.Data;
using CucThongKe.Theme.Public.Content;
using CucThongKe.Theme.Public.Forms;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Theme.Public.Questions;

/// <summary>Where a citizen's question stands, as the status page shows it (no personal data).</summary>
public sealed record QuestionStatus(string Code, DateTime ReceivedUtc, bool Answered, string? Path);

/// <summary>Turns a citizen's question into a draft Question item for the unit to answer, and finds it again by its tracking code.</summary>
public sealed class QuestionSubmission(CitizenInbox inbox, CmsDbContext db)
{
    public const string Prefix = "HD";

    /// <summary>Saves the question as a draft assigned to <paramref name="unitName"/>; returns its tracking code.</summary>
    public Task<string> SubmitAsync(string name, string email, string? phone, string unitName, string question, CancellationToken cancellationToken) =>
        inbox.SubmitAsync(PublicTypes.Question, Prefix, question, new JsonObject
        {
            ["AskerName"] = new JsonObject { ["Text"] = name },
            ["AskerEmail"] = new JsonObject { ["Text"] = email },
            ["AskerPhone"] = new JsonObject { ["Text"] = phone },
            ["Consent"] = new JsonObject { ["Value"] = true },
            ["Question"] = new JsonObject { ["Text"] = question },
            ["AssignedUnit"] = new JsonObject { ["Text"] = unitName },
        }, cancellationToken);

    /// <summary>The status of the question with this code, or null when there is none.</summary>
    public async Task<QuestionStatus?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var versions = await inbox.FindAsync(PublicTypes.Question, Prefix, code, cancellationToken);
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
