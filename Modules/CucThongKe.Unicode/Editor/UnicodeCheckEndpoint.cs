using System.Text.Json;
using System.Text.RegularExpressions;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Security;
using CucThongKe.TextEncoding;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CucThongKe.Unicode.Editor;

/// <summary>
/// <c>POST /admin/unicode/kiem-tra</c>: the editor's script asks what a field's text is written in and gets the
/// Unicode text to offer. The one detector runs here, so the browser and the save rules never disagree.
/// </summary>
internal static partial class UnicodeCheckEndpoint
{
    /// <summary>The largest text checked: far more than a news body, small enough to answer at once.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public const string Path = "/admin/unicode/kiem-tra";

    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    public static void MapUnicodeCheck(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, CheckAsync).RequireAuthorization(CorePermissions.AccessAdmin.Name);

    private static async Task<IResult> CheckAsync(HttpContext context, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Problem(StatusCodes.Status400BadRequest, "Phiên làm việc đã hết hạn hoặc thiếu mã chống giả mạo. Hãy tải lại trang.");
        }

        var body = await context.Request.ReadLimitedAsync(MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"Văn bản quá dài để kiểm tra (tối đa {MaxBodyBytes / 1024} KB).");
        }

        CheckRequest? input;
        try
        {
            input = JsonSerializer.Deserialize<CheckRequest>(body, ReadOptions);
        }
        catch (JsonException)
        {
            return Problem(StatusCodes.Status400BadRequest, "Yêu cầu phải là JSON dạng {\"text\": \"...\"}.");
        }

        if (input?.Text is not { } text)
        {
            return Problem(StatusCodes.Status400BadRequest, "Thiếu văn bản cần kiểm tra (text).");
        }

        var diagnosis = VietnameseTextDetector.Detect(input.Html ? LegacyTextRules.PlainText(text) : text);
        return Results.Json(new CheckResponse(
            diagnosis.Kind.ToString().ToLowerInvariant(),
            LegacyTextRules.Label(diagnosis.Kind),
            diagnosis.Confidence,
            diagnosis.IsLegacy,
            diagnosis.IsClean,
            diagnosis.IsClean ? text : Convert(text, diagnosis, input.Html)));
    }

    /// <summary>The Unicode text; for HTML only the text between tags is converted, so markup and attributes survive.</summary>
    internal static string Convert(string text, TextDiagnosis diagnosis, bool html)
    {
        // Within one field the encoding found for the whole is the better guess for each short piece.
        TextEncodingKind? from = diagnosis.Kind is TextEncodingKind.Tcvn3 or TextEncodingKind.Vni ? diagnosis.Kind : null;
        string One(string piece) => diagnosis.IsLegacy ? LegacyVietnamese.ToUnicode(piece, from) : TextNormalizer.Normalize(piece);
        return html ? Markup().Replace(text, m => m.Groups["tag"].Success ? m.Value : One(m.Value)) : One(text);
    }

    private static IResult Problem(int status, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: status == StatusCodes.Status413PayloadTooLarge ? "Nội dung quá lớn" : "Yêu cầu không hợp lệ");

    [GeneratedRegex("(?<tag><[^>]*>)|[^<]+|<")]
    private static partial Regex Markup();

    private sealed record CheckRequest(string? Text, bool Html = false);

    private sealed record CheckResponse(string Kind, string KindLabel, double Confidence, bool IsLegacy, bool IsClean, string Converted);
}
