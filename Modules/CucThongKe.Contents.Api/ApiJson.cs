using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Http;

namespace CucThongKe.Contents.Api;

/// <summary>The API's JSON (camelCase, Vietnamese letters as themselves, unknown input properties refused) and its problem details.</summary>
/// <remarks>An endpoint refuses by returning one of these, or by letting a declared exception through: the engine's and the
/// chain's refusals answer their status from <see cref="FailureStatuses"/> (RequestFailureMiddleware), never a 500.</remarks>
internal static class ApiJson
{
    /// <summary>The largest request body the API reads.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static JsonSerializerOptions Options { get; } = Create(strict: false);

    public static JsonSerializerOptions Strict { get; } = Create(strict: true);

    public static IResult Json(object value, int status = StatusCodes.Status200OK) => Results.Json(value, Options, statusCode: status);

    public static IResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, FailureTitles.Forbidden, detail);

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, FailureTitles.NotFound, detail);

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, FailureTitles.Conflict, detail);

    public static IResult BadRequest(string detail, IDictionary<string, object?>? extensions = null) => Problem(StatusCodes.Status400BadRequest, FailureTitles.BadRequest, detail, extensions);

    /// <summary>Reads the body as <typeparamref name="T"/>: too large, broken or of the wrong shape is a 400/413 problem, never an exception.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, bool allowEmpty, CancellationToken cancellationToken) where T : class
    {
        if (await request.ReadLimitedAsync(MaxBodyBytes, cancellationToken) is not { } body)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "Nội dung quá lớn", $"Yêu cầu lớn hơn {MaxBodyBytes / 1024} KB."));
        }

        if (body.Length == 0)
        {
            return allowEmpty ? (null, null) : (null, BadRequest("Thiếu nội dung JSON của yêu cầu."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Strict);
            return value is null ? (null, BadRequest("Nội dung JSON không được để trống (null).")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, BadRequest($"JSON không hợp lệ tại {ex.Path ?? "$"}: {CucThongKe.Core.Data.CmsJson.Describe(ex)}"));
        }
    }

    private static JsonSerializerOptions Create(bool strict)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        // Strings read are cleaned (NFC, Đ for Ð) like all input; passwords are not.
        CleanTextInput.Apply(options);
        if (strict)
        {
            options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.RespectNullableAnnotations = true;
        }

        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
