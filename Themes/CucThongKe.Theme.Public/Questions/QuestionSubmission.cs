using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Theme.Public.Content;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Theme.Public.Questions;

/// <summary>Where a citizen's question stands, as the status page shows it (no personal data).</summary>
public sealed record QuestionStatus(string Code, DateTime ReceivedUtc, bool Answered, string? Path);

/// <summary>Turns a citizen's question into a draft Question item for the unit to answer, and finds it again by its tracking code.</summary>
public sealed class QuestionSubmission(ContentManager contents, CmsDbContext db, IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>Forms filled in faster than this are taken for robots.</summary>
    public static readonly TimeSpan MinimumFillTime = TimeSpan.FromSeconds(3);

    /// <summary>A form older than this must be reloaded.</summary>
    public static readonly TimeSpan MaximumFillTime = TimeSpan.FromHours(2);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("CucThongKe.Theme.Public.QuestionForm").ToTimeLimitedDataProtector();

    /// <summary>A signed token holding the moment the form was shown: the anti-spam check needs no outside service.</summary>
    public string IssueToken() =>
        Protector.Protect(time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture), MaximumFillTime);

    /// <summary>Null when the token is genuine and the form took a human's time; otherwise the reason, in Vietnamese.</summary>
    public string? CheckToken(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return "Biểu mẫu không hợp lệ. Xin vui lòng tải lại trang và gửi lại.";
        }

        try
        {
            var issued = new DateTime(long.Parse(Protector.Unprotect(token), CultureInfo.InvariantCulture), DateTimeKind.Utc);
            return time.GetUtcNow().UtcDateTime - issued < MinimumFillTime
                ? "Biểu mẫu được gửi quá nhanh. Xin vui lòng kiểm tra lại nội dung và gửi lại."
                : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or OverflowException)
        {
            return "Biểu mẫu đã hết hạn. Xin vui lòng tải lại trang và gửi lại.";
        }
    }

    /// <summary>Saves the question as a draft assigned to <paramref name="unitName"/>; returns its tracking code.</summary>
    public async Task<string> SubmitAsync(string name, string email, string? phone, string unitName, string question, CancellationToken cancellationToken)
    {
        var item = await contents.NewAsync(PublicTypes.Question, cancellationToken);
        var title = question.Split('\n', 2)[0];
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title.Length > 150 ? title[..150].TrimEnd() + "…" : title };
        item.Content[PublicTypes.Question] = new JsonObject
        {
            ["AskerName"] = new JsonObject { ["Text"] = name },
            ["AskerEmail"] = new JsonObject { ["Text"] = email },
            ["AskerPhone"] = new JsonObject { ["Text"] = phone },
            ["Consent"] = new JsonObject { ["Value"] = true },
            ["Question"] = new JsonObject { ["Text"] = question },
            ["AssignedUnit"] = new JsonObject { ["Text"] = unitName },
        };
        var saved = await contents.CreateAsync(item, cancellationToken);
        return CodeOf(saved.ContentItemId);
    }

    /// <summary>The status of the question with this code, or null when there is none.</summary>
    public async Task<QuestionStatus?> FindAsync(string code, CancellationToken cancellationToken)
    {
        if (!IsCode(code))
        {
            return null;
        }

        // The code is the random tail of the item id, so the lookup reads the id column only.
        var suffix = code[2..].ToLowerInvariant();
        var versions = await db.Set<ContentItem>().AsNoTracking()
            .Where(c => c.ContentType == PublicTypes.Question && c.ContentItemId.EndsWith(suffix) && (c.Latest || c.Published))
            .Select(c => new { c.Id, c.CreatedUtc, c.Published })
            .ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return null;
        }

        var published = versions.FirstOrDefault(v => v.Published);
        var path = published is null ? null : await db.Set<Contents.Indexing.AutorouteIndex>()
            .Where(r => r.ContentItemVersionId == published.Id).Select(r => r.Path).FirstOrDefaultAsync(cancellationToken);
        return new QuestionStatus(code, versions.Min(v => v.CreatedUtc), published is not null, path);
    }

    public static bool IsCode(string? code) =>
        code is { Length: 12 } && code.StartsWith("HD", StringComparison.Ordinal) && code[2..].All(char.IsAsciiHexDigitUpper);

    /// <summary>"HD" and the last ten hex digits of the id: the random part of a version-7 GUID, not its clock.</summary>
    public static string CodeOf(string contentItemId) => "HD" + contentItemId[^10..].ToUpperInvariant();
}
