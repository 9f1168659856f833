using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.CitizenServices.Forms;

/// <summary>The anti-spam check of the citizens' forms (questions, feedback), which needs no outside service.</summary>
/// <remarks>A signed token holds the moment the form was shown; with the honeypot field it keeps robots out.</remarks>
public sealed class FormToken(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>Forms filled in faster than this are taken for robots.</summary>
    public static readonly TimeSpan MinimumFillTime = TimeSpan.FromSeconds(3);

    /// <summary>A form older than this must be reloaded.</summary>
    public static readonly TimeSpan MaximumFillTime = TimeSpan.FromHours(2);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("CucThongKe.Theme.Public.CitizenForms").ToTimeLimitedDataProtector();

    public string Issue() =>
        Protector.Protect(time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture), MaximumFillTime);

    /// <summary>Null when the token is genuine and the form took a human's time; otherwise the reason, in Vietnamese.</summary>
    public string? Check(string? token)
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
}

/// <summary>A kind of citizen's message: the content type it becomes, its tracking code's prefix, and the names of its
/// fields (<c>{SenderField}Name</c>, <c>{SenderField}Email</c>, <c>{SenderField}Phone</c>, <c>Consent</c>,
/// <c>{TextField}</c>, <c>AssignedUnit</c>) in the type's part.</summary>
public sealed record CitizenMessageKind(string ContentType, string Prefix, string SenderField, string TextField)
{
    public static readonly CitizenMessageKind Question = new("Question", "HD", "Asker", "Question");

    public static readonly CitizenMessageKind Feedback = new("Feedback", "GY", "Sender", "Content");
}

/// <summary>Who sends a message, as stored (trimmed, NFC; no phone: null).</summary>
public sealed record CitizenSender(string Name, string Email, string? Phone);

/// <summary>What a citizen's message became: a draft item of some type, found again by a tracking code.</summary>
/// <remarks>
/// The code is a two-letter prefix and the last ten hex digits of the item id: the random part of a version-7 GUID,
/// not its clock. Nobody can guess another's code, and the lookup reads the id column only.
/// </remarks>
public sealed class CitizenInbox(ContentManager contents, CmsDbContext db, UnitOfWork unitOfWork, UsedFormTokens usedTokens)
{
    /// <summary>Saves the message as a draft of its kind's type belonging to <paramref name="unit"/> (its staff see it, its workflow
    /// starts there), with the sender's consent (the form refuses without it); returns its tracking code. Questions and
    /// feedback both come this way.</summary>
    /// <remarks>The citizen has no account: the item has no owner, and its workflow's first step waits for the unit.</remarks>
    public async Task<string> SubmitAsync(CitizenMessageKind kind, CitizenSender sender, Unit unit, string text, CancellationToken cancellationToken) =>
        CodeOf(kind.Prefix, (await SaveAsync(kind, sender, unit, text, cancellationToken)).ContentItemId);

    /// <summary>As <see cref="SubmitAsync"/>, for a public form: the form's anti-spam token is spent in the same transaction, so
    /// the same form posted again is refused with nothing stored; <paramref name="complete"/> (may be null) adds to the saved
    /// item in that transaction (a feedback's category).</summary>
    /// <exception cref="FormTokenUsedException">The form was already sent.</exception>
    public Task<string> SubmitFormAsync(CitizenMessageKind kind, CitizenSender sender, Unit unit, string text, string formToken, Func<ContentItem, CancellationToken, Task>? complete, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async ct =>
        {
            await usedTokens.SpendAsync(formToken, ct);
            var item = await SaveAsync(kind, sender, unit, text, ct);
            if (complete is not null)
            {
                await complete(item, ct);
            }

            return CodeOf(kind.Prefix, item.ContentItemId);
        }, cancellationToken);

    /// <summary>As <see cref="SubmitAsync"/>, returning the saved item.</summary>
    private Task<ContentItem> SaveAsync(CitizenMessageKind kind, CitizenSender sender, Unit unit, string text, CancellationToken cancellationToken) =>
        SaveAsync(kind.ContentType, unit.Id, text, new JsonObject
        {
            [kind.SenderField + "Name"] = new JsonObject { ["Text"] = sender.Name },
            [kind.SenderField + "Email"] = new JsonObject { ["Text"] = sender.Email },
            [kind.SenderField + "Phone"] = new JsonObject { ["Text"] = sender.Phone },
            ["Consent"] = new JsonObject { ["Value"] = true },
            [kind.TextField] = new JsonObject { ["Text"] = text },
            ["AssignedUnit"] = new JsonObject { ["Text"] = unit.Name },
        }, cancellationToken);

    /// <summary>The latest and the published versions of the message of <paramref name="kind"/> with this code (none for an unknown or malformed code).</summary>
    public Task<IReadOnlyList<ContentItem>> FindAsync(CitizenMessageKind kind, string code, CancellationToken cancellationToken) =>
        FindAsync(kind.ContentType, kind.Prefix, code, cancellationToken);

    /// <summary>Saves a draft of <paramref name="type"/> titled after the first line of <paramref name="text"/>.</summary>
    private async Task<ContentItem> SaveAsync(string type, string unitId, string text, JsonObject part, CancellationToken cancellationToken)
    {
        var item = await contents.NewAsync(type, cancellationToken);
        var title = text.Split('\n', 2)[0];
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title.Length > 150 ? title[..150].TrimEnd() + "…" : title };
        item.Content[type] = part;
        return await contents.CreateForUnitAsync(item, unitId, owner: null, cancellationToken);
    }

    private async Task<IReadOnlyList<ContentItem>> FindAsync(string type, string prefix, string code, CancellationToken cancellationToken)
    {
        if (!IsCode(prefix, code))
        {
            return [];
        }

        var suffix = code[2..].ToLowerInvariant();
        return await db.Set<ContentItem>().AsNoTracking()
            .Where(c => c.ContentType == type && c.ContentItemId.EndsWith(suffix) && !c.Removed && (c.Latest || c.Published))
            .ToListAsync(cancellationToken);
    }

    public static bool IsCode(string prefix, string? code) =>
        code is { Length: 12 } && code.StartsWith(prefix, StringComparison.Ordinal) && code[2..].All(char.IsAsciiHexDigitUpper);

    public static string CodeOf(string prefix, string contentItemId) => prefix + contentItemId[^10..].ToUpperInvariant();
}
