using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Workflows.Instances;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Contents.Api;

/// <summary>The API's JSON (camelCase, Vietnamese letters as themselves, unknown input properties refused) and its problem details.</summary>
internal static class ApiJson
{
    /// <summary>The largest request body the API reads.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static JsonSerializerOptions Options { get; } = Create(strict: false);

    public static JsonSerializerOptions Strict { get; } = Create(strict: true);

    public static IResult Json(object value, int status = StatusCodes.Status200OK) => Results.Json(value, Options, statusCode: status);

    public static IResult Problem(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Không được phép", detail);

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Không tìm thấy", detail);

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Xung đột", detail);

    public static IResult BadRequest(string detail, IDictionary<string, object?>? extensions = null) => Problem(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", detail, extensions);

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

    /// <summary>Runs an endpoint, turning the engine's refusals into problem details (403, 404, 409, 400) and nothing into a 500.</summary>
    public static async Task<IResult> Guard(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (WorkflowForbiddenException ex)
        {
            return Forbidden(ex.Message);
        }
        catch (ContentPublishRefusedException ex)
        {
            return Forbidden(ex.Message);
        }
        catch (WorkflowNotFoundException ex)
        {
            return NotFound(ex.Message);
        }
        catch (ContentNotFoundException ex)
        {
            return NotFound(ex.Message);
        }
        catch (WorkflowConflictException ex)
        {
            return Conflict(ex.Message);
        }
        catch (ContentConflictException ex)
        {
            return Conflict(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict("Người khác vừa thay đổi nội dung này trước bạn. Hãy tải lại.");
        }
        catch (WorkflowInputException ex)
        {
            return BadRequest(ex.Message);
        }
        catch (ContentValidationException ex)
        {
            return BadRequest("Nội dung không hợp lệ.", new Dictionary<string, object?>
            {
                ["errors"] = ex.Errors.Select(e => new { path = e.Path, message = e.Message }).ToList(),
            });
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
