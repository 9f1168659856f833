using System.Globalization;
using System.Text.RegularExpressions;
using CucThongKe.TextEncoding;

namespace CucThongKe.CitizenServices.Screening;

/// <summary>The prohibited words, phrases and link domains (Điều 4.1, 7): the settings document <c>Screening</c>, edited at
/// <c>/admin/sang-loc</c> and by the <c>Settings</c> recipe step.</summary>
public sealed class ScreeningList
{
    public const string DocumentName = "Screening";

    /// <summary>At most this many words and phrases, and as many domains.</summary>
    public const int MaxEntries = 500;

    public const int MaxEntryLength = 100;

    /// <summary>Words and phrases, as typed (Vietnamese with its marks).</summary>
    public List<string> Terms { get; set; } = [];

    /// <summary>Domains whose links are refused in content and held in readers' text (<c>example.com</c> also covers its subdomains).</summary>
    public List<string> Domains { get; set; } = [];
}

/// <summary>What a text hit: the listed word, phrase or domain.</summary>
public sealed record ScreeningHit(string Entry, bool IsDomain)
{
    public string Describe() => IsDomain ? $"liên kết tới tên miền bị cấm “{Entry}”" : $"từ, cụm từ bị cấm “{Entry}”";
}

/// <summary>How a text is matched against the list, respecting Vietnamese.</summary>
/// <remarks>
/// Words and phrases are compared in NFC, case aside, as whole words, so "thảo" does not hit "thể thao" and "ma" does not
/// hit "mã". The folded form (marks removed, <see cref="VietnameseText.Fold"/>) is compared only for a text written without
/// marks at all, whole words again: "thao" typed by someone avoiding the filter hits "thảo", a text with marks is never folded.
/// </remarks>
public static partial class ScreeningRules
{
    /// <summary>The first entry of <paramref name="list"/> that <paramref name="text"/> hits, or null.</summary>
    public static ScreeningHit? Find(string? text, ScreeningList list) => FindAll(text, list).FirstOrDefault();

    /// <summary>Every entry of <paramref name="list"/> that <paramref name="text"/> hits (domains first), each once.</summary>
    public static IEnumerable<ScreeningHit> FindAll(string? text, ScreeningList list)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        foreach (var domain in LinkHosts(text).Select(h => ListedDomain(h, list)).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            yield return new ScreeningHit(domain, IsDomain: true);
        }

        var nfc = VietnameseText.Normalize(text).ToLower(CultureInfo.InvariantCulture);
        var folded = VietnameseText.Fold(text);
        var unmarked = folded == nfc;
        foreach (var term in list.Terms)
        {
            var entry = VietnameseText.Normalize(term).Trim().ToLower(CultureInfo.InvariantCulture);
            if (entry.Length > 0 && (ContainsWord(nfc, entry) || (unmarked && ContainsWord(folded, VietnameseText.Fold(entry)))))
            {
                yield return new ScreeningHit(term.Trim(), IsDomain: false);
            }
        }
    }

    /// <summary>The listed domain <paramref name="host"/> is, or is under; null when none.</summary>
    public static string? ListedDomain(string host, ScreeningList list)
    {
        host = host.TrimEnd('.').ToLowerInvariant();
        return list.Domains.Select(d => d.Trim().TrimEnd('.').ToLowerInvariant())
            .FirstOrDefault(d => d.Length > 0 && (host == d || host.EndsWith("." + d, StringComparison.Ordinal)));
    }

    /// <summary>The hosts of the http(s) links written in <paramref name="text"/> (plain or in HTML).</summary>
    public static IEnumerable<string> LinkHosts(string text) =>
        LinkPattern().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>A domain as the list keeps it (lower case, no scheme, no path), or null when it is not one.</summary>
    public static string? NormalizeDomain(string value)
    {
        var domain = value.Trim().ToLowerInvariant();
        domain = domain.StartsWith("https://", StringComparison.Ordinal) ? domain[8..] : domain.StartsWith("http://", StringComparison.Ordinal) ? domain[7..] : domain;
        domain = domain.Split('/')[0].TrimEnd('.');
        return DomainPattern().IsMatch(domain) ? domain : null;
    }

    private static bool ContainsWord(string text, string entry)
    {
        for (var at = text.IndexOf(entry, StringComparison.Ordinal); at >= 0; at = text.IndexOf(entry, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + entry.Length;
            // A combining mark after the match belongs to its last letter: not the end of a word.
            var after = end == text.Length || (!char.IsLetterOrDigit(text[end]) && CharUnicodeInfo.GetUnicodeCategory(text[end]) != UnicodeCategory.NonSpacingMark);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"https?://([a-z0-9.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^(?=.{3,100}$)([a-z0-9]([a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
}
