using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Published;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Core.Data;
using CucThongKe.Media.Library;
using CucThongKe.TextEncoding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using UglyToad.PdfPig;

namespace CucThongKe.Search.Indexing;

/// <summary>Turns a published version into a <see cref="SearchDocument"/>, or says it must stay out of the public index.</summary>
public sealed partial class SearchDocumentBuilder(
    CmsDbContext db,
    ContentDefinitionManager definitions,
    IMediaStore media,
    IEnumerable<IReaderVisibilityRule> visibility,
    ILogger<SearchDocumentBuilder> logger)
{
    /// <summary>Text taken from one attached file at most; a 2,000-page yearbook need not be indexed whole to be found.</summary>
    public const int MaxAttachmentChars = 500_000;

    private readonly Dictionary<string, string> _termNames = new(StringComparer.Ordinal);

    /// <summary>
    /// The document for <paramref name="item"/>: its published version for everyone, or its latest unpublished
    /// version as a draft only editors find; null when it is neither, removed, confidential, or its type not indexed.
    /// </summary>
    public async Task<SearchDocument?> BuildAsync(ContentItem item, ISet<string> indexedTypes, CancellationToken cancellationToken = default)
    {
        var draft = item.Latest && !item.Published;
        if ((!item.Published && !draft) || item.Removed || !indexedTypes.Contains(item.ContentType))
        {
            return null;
        }

        var type = await definitions.GetResolvedTypeAsync(item.ContentType, cancellationToken);
        // The public index is one more place readers see: what a reader-visibility rule hides (a confidential document) stays out.
        if (type is null || visibility.Any(rule => rule.IsHidden(item)))
        {
            return null;
        }

        var body = new StringBuilder();
        var summary = item.As<SummaryPart>()?.Summary;
        Append(body, summary);
        Append(body, StripHtml(item.As<HtmlBodyPart>()?.Html));

        string? number = null, issuer = null;
        int? year = null;
        DateOnly? issueDate = null;
        var categories = new List<string>();
        foreach (var part in type.Parts)
        {
            foreach (var field in part.Fields)
            {
                if (item.Content[part.Name]?[field.Name] is not JsonObject node || IsPrivate(field))
                {
                    continue;
                }

                switch (field.FieldType)
                {
                    case nameof(TextField):
                        var text = node.Deserialize<TextField>(CmsJson.Options)?.Text;
                        Append(body, text);
                        number = field.Name == "Number" ? text : number;
                        issuer = field.Name == "IssuingBody" ? text : issuer;
                        break;
                    case nameof(MultilineTextField):
                        Append(body, node.Deserialize<MultilineTextField>(CmsJson.Options)?.Text);
                        break;
                    case nameof(HtmlField):
                        Append(body, StripHtml(node.Deserialize<HtmlField>(CmsJson.Options)?.Html));
                        break;
                    case nameof(NumericField) when field.Name == "Year":
                        var value = node.Deserialize<NumericField>(CmsJson.Options)?.Value;
                        year = value is >= 1 and <= 9999 ? (int)value.Value : year;
                        break;
                    case nameof(DateField) when field.Name == "IssueDate":
                        issueDate = node.Deserialize<DateField>(CmsJson.Options)?.Value;
                        break;
                    case nameof(TaxonomyField):
                        var termIds = node.Deserialize<TaxonomyField>(CmsJson.Options)?.TermIds ?? [];
                        categories.AddRange(termIds);
                        foreach (var termId in termIds)
                        {
                            Append(body, await TermNameAsync(termId, cancellationToken));
                        }

                        break;
                    case nameof(AttachmentField):
                        foreach (var attachment in node.Deserialize<AttachmentField>(CmsJson.Options)?.Items ?? [])
                        {
                            Append(body, attachment.Title);
                            Append(body, await ReadAttachmentAsync(attachment.Path, cancellationToken));
                        }

                        break;
                }
            }
        }

        year ??= issueDate?.Year ?? (item.PublishedUtc is { } published ? VietnamTime.FromUtc(published).Year : null);
        var title = item.As<TitlePart>()?.Title ?? item.DisplayText ?? "";
        var path = item.As<AutoroutePart>()?.Path;
        return new SearchDocument(
            item.ContentItemId,
            item.ContentType,
            VietnameseText.Normalize(title),
            string.IsNullOrWhiteSpace(summary) ? null : VietnameseText.Normalize(summary),
            VietnameseText.Normalize(body.ToString()),
            string.IsNullOrEmpty(path) ? null : "/" + path,
            item.PublishedUtc,
            year,
            number,
            issuer,
            item.UnitId,
            categories,
            draft,
            // A published version that is no longer the latest: a draft was saved after it.
            HasNewerDraft: item.Published && !item.Latest);
    }

    /// <summary>Plain text of sanitised HTML: tags become spaces, entities are decoded.</summary>
    public static string StripHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var withoutBlocks = ScriptOrStyle().Replace(html, " ");
        return WebUtility.HtmlDecode(Tag().Replace(withoutBlocks, " "));
    }

    // A field the office marks as not public (the asker's name of a question) is never searchable.
    private static bool IsPrivate(ContentPartFieldDefinition field) =>
        field.Name == "AskerName" || field.DisplayName?.Contains("không công khai", StringComparison.OrdinalIgnoreCase) == true;

    private static void Append(StringBuilder body, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            body.Append(text.Trim()).Append('\n');
        }
    }

    private async Task<string?> TermNameAsync(string termId, CancellationToken cancellationToken)
    {
        if (!_termNames.TryGetValue(termId, out var name))
        {
            name = await db.Set<TaxonomyTerm>().AsNoTracking().Where(t => t.TermId == termId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
            _termNames[termId] = name;
        }

        return name;
    }

    /// <summary>The text of an attached PDF, DOCX or XLSX of the library; other, missing or unreadable files give nothing.</summary>
    private async Task<string?> ReadAttachmentAsync(string relativePath, CancellationToken cancellationToken)
    {
        var relative = relativePath.Replace('\\', '/').TrimStart('/');
        relative = relative.StartsWith("media/", StringComparison.OrdinalIgnoreCase) ? relative[6..] : relative;
        var office = OfficeText.Handles(relative);
        if (!office && !relative.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // The library's file, or this node's copy of one kept in the database.
        var full = await media.LocalFileAsync(relative, cancellationToken);
        if (full is null)
        {
            logger.LogDebug("Attachment {Path} is not in the library (yet); not indexed", relativePath);
            return null;
        }

        try
        {
            if (office)
            {
                using var file = File.OpenRead(full);
                return OfficeText.Extract(file, full, MaxAttachmentChars);
            }

            using var pdf = PdfDocument.Open(full);
            var text = new StringBuilder();
            foreach (var page in pdf.GetPages())
            {
                foreach (var word in page.GetWords())
                {
                    text.Append(word.Text).Append(' ');
                }

                text.Append('\n');
                if (text.Length > MaxAttachmentChars)
                {
                    break;
                }
            }

            return text.Length > MaxAttachmentChars ? text.ToString(0, MaxAttachmentChars) : text.ToString();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A damaged or encrypted PDF, a broken or oversized Word or Excel file must not stop indexing: the item is
            // still found by its other text.
            logger.LogWarning(ex, "Could not read the text of {Path}", relativePath);
            return null;
        }
    }

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tag();
}
