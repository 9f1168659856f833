using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using CucThongKe.TextEncoding;

namespace CucThongKe.Contents.Services;

/// <summary>
/// Điều 15.3 for content: a title or other one-line text still in TCVN3 or VNI is refused (it is shown everywhere and
/// cannot be read); longer text (body, summary, multi-line fields) is saved with a warning, since refusing a long
/// document for a few legacy words would lose the editor's work.
/// </summary>
public static partial class LegacyTextRules
{
    /// <summary>The encoding's name as editors know it.</summary>
    public static string Label(TextEncodingKind kind) => kind switch
    {
        TextEncodingKind.Tcvn3 => "TCVN3 (ABC, phông .VnTime)",
        TextEncodingKind.Vni => "VNI (phông VNI-Times)",
        TextEncodingKind.Mixed => "cũ (TCVN3 hoặc VNI) lẫn với Unicode",
        TextEncodingKind.Nfd => "Unicode tổ hợp (NFD)",
        _ => "Unicode dựng sẵn",
    };

    /// <summary>The detector's verdict when <paramref name="text"/> looks legacy-encoded, else null.</summary>
    public static TextDiagnosis? FindLegacy(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : VietnameseTextDetector.Detect(text) is { IsLegacy: true } found ? found : null;

    /// <summary>The words of an HTML fragment, without tags or attributes (which are never legacy text).</summary>
    public static string PlainText(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    /// <summary>Adds an error for each one-line text and a warning for each longer text of <paramref name="content"/> that looks legacy.</summary>
    public static void Check(JsonObject content, ResolvedContentType type, ICollection<ContentValidationError> errors)
    {
        foreach (var part in type.Parts)
        {
            if (content[part.Name] is not JsonObject partJson)
            {
                continue;
            }

            var partName = part.TypePart.DisplayName;
            switch (part.Code?.Name)
            {
                case nameof(TitlePart):
                    Refuse(errors, $"{part.Name}.{nameof(TitlePart.Title)}", "Tiêu đề", Text(partJson[nameof(TitlePart.Title)]));
                    break;
                case nameof(HtmlBodyPart):
                    Warn(errors, $"{part.Name}.{nameof(HtmlBodyPart.Html)}", partName ?? "Nội dung", PlainTextOrNull(Text(partJson[nameof(HtmlBodyPart.Html)])));
                    break;
                case nameof(SummaryPart):
                    Warn(errors, $"{part.Name}.{nameof(SummaryPart.Summary)}", partName ?? "Tóm tắt", Text(partJson[nameof(SummaryPart.Summary)]));
                    break;
            }

            foreach (var field in part.Fields)
            {
                var path = $"{part.Name}.{field.Name}";
                var name = field.DisplayName ?? field.Name;
                var value = partJson[field.Name] as JsonObject;
                switch (field.FieldType)
                {
                    case nameof(TextField):
                        Refuse(errors, $"{path}.{nameof(TextField.Text)}", name, Text(value?[nameof(TextField.Text)]));
                        break;
                    case nameof(MultilineTextField):
                        Warn(errors, $"{path}.{nameof(MultilineTextField.Text)}", name, Text(value?[nameof(MultilineTextField.Text)]));
                        break;
                    case nameof(HtmlField):
                        Warn(errors, $"{path}.{nameof(HtmlField.Html)}", name, PlainTextOrNull(Text(value?[nameof(HtmlField.Html)])));
                        break;
                }
            }
        }
    }

    private static void Refuse(ICollection<ContentValidationError> errors, string path, string name, string? text)
    {
        if (FindLegacy(text) is { } found)
        {
            errors.Add(new(path, $"{name} có vẻ được gõ bằng bảng mã {Label(found.Kind)}, chưa phải Unicode. Hãy bấm «Chuyển sang Unicode» hoặc gõ lại."));
        }
    }

    private static void Warn(ICollection<ContentValidationError> errors, string path, string name, string? text)
    {
        if (FindLegacy(text) is { } found)
        {
            errors.Add(new(path, $"{name} có vẻ còn chữ gõ bằng bảng mã {Label(found.Kind)}, chưa phải Unicode. Đã lưu; hãy bấm «Chuyển sang Unicode» trong trình soạn thảo hoặc sửa lại.") { IsWarning = true });
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string? PlainTextOrNull(string? html) => html is null ? null : PlainText(html);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
