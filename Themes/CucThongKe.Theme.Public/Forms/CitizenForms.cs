using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Theme.Public.Forms;

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

/// <summary>What a citizen's message became: a draft item of some type, found again by a tracking code.</summary>
/// <remarks>
/// The code is a two-letter prefix and the last ten hex digits of the item id: the random part of a version-7 GUID,
/// not its clock. Nobody can guess another's code, and the lookup reads the id column only.
/// </remarks>
public sealed class CitizenInbox(ContentManager contents, CmsDbContext db)
{
    /// <summary>Saves a draft of <paramref name="type"/> titled after the first line of <paramref name="text"/>; returns its tracking code.</summary>
    public async Task<string> SubmitAsync(string type, string prefix, string text, JsonObject part, CancellationToken cancellationToken)
    {
        var item = await contents.NewAsync(type, cancellationToken);
        var title = text.Split('\n', 2)[0];
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title.Length > 150 ? title[..150].TrimEnd() + "…" : title };
        item.Content[type] = part;
        var saved = await contents.CreateAsync(item, cancellationToken);
        return CodeOf(prefix, saved.ContentItemId);
    }

    /// <summary>The latest and the published versions of the item of <paramref name="type"/> with this code (none for an unknown or malformed code).</summary>
    public async Task<IReadOnlyList<ContentItem>> FindAsync(string type, string prefix, string code, CancellationToken cancellationToken)
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

/// <summary>The sender's part of a citizen's form: who writes, to which unit, consent, and the anti-spam fields.</summary>
public abstract class CitizenFormInput
{
    [Required(ErrorMessage = "Xin vui lòng nhập họ và tên.")]
    [StringLength(100, ErrorMessage = "Họ và tên không quá 100 ký tự.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Xin vui lòng nhập địa chỉ thư điện tử để nhận trả lời.")]
    [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ.")]
    [StringLength(200, ErrorMessage = "Địa chỉ thư điện tử không quá 200 ký tự.")]
    public string? Email { get; set; }

    [RegularExpression(@"^\+?[0-9 .\-]{8,20}$", ErrorMessage = "Số điện thoại chỉ gồm chữ số (8 đến 20 ký tự).")]
    public string? Phone { get; set; }

    [StringLength(100)]
    public string? UnitId { get; set; }

    public bool Consent { get; set; }

    /// <summary>The honeypot: must stay empty.</summary>
    [StringLength(200)]
    public string? Website { get; set; }

    [StringLength(1000)]
    public string? Token { get; set; }
}
