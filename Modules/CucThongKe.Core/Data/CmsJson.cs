using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace CucThongKe.Core.Data;

/// <summary>The JSON options used for stored documents, recipes and the API: readable Vietnamese, no escaping.</summary>
public static class CmsJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>For input (recipes, content, the API): a property the target type does not have is an error, not ignored.</summary>
    public static JsonSerializerOptions Strict { get; } = CreateStrict();

    /// <summary>A reader's explanation of why <paramref name="ex"/> happened, in Vietnamese.</summary>
    public static string Describe(JsonException ex)
    {
        if (ex is InvalidJsonTextException)
        {
            return ex.Message;
        }

        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "thuộc tính không được hỗ trợ ở đây.";
        }

        if (ex.Message.Contains("missing required properties", StringComparison.Ordinal))
        {
            return "thiếu thuộc tính bắt buộc.";
        }

        if (ex.Message.Contains("null", StringComparison.OrdinalIgnoreCase) && ex.Message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase))
        {
            return "giá trị không được để trống.";
        }

        // The reader's own errors (a syntax error, a truncated body) carry a position; a value of the wrong type says so.
        return ex.LineNumber is not null && !ex.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? "JSON sai cú pháp hoặc không phải văn bản UTF-8."
            : "giá trị sai kiểu dữ liệu.";
    }

    /// <summary>The path of <paramref name="ex"/> below the node that was read, e.g. <c>.Parts[1].Name</c>.</summary>
    public static string RelativePath(JsonException ex) => ex.Path is { Length: > 1 } path ? path[1..] : "";

    private static JsonSerializerOptions CreateStrict()
    {
        var options = new JsonSerializerOptions(Create(indented: false))
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNamingPolicy = null,
            PropertyNameCaseInsensitive = true,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
