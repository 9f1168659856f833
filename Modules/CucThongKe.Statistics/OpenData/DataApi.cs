using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CucThongKe.Core.Settings;
using CucThongKe.Statistics.Calendar;
using CucThongKe.Statistics.Indicators;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CucThongKe.Statistics.OpenData;

/// <summary>An indicator in the list of <c>GET /api/data/indicators</c>.</summary>
public sealed record DataIndicatorSummary(string Code, string Name, string? Unit, string Frequency, string? Theme, string Url, string Api, string Dataset);

/// <summary>A page of <c>GET /api/data/indicators</c>, with the citation readers must give (Điều 8.1) and the licence.</summary>
public sealed record DataIndicatorPage(int Page, int PageSize, int Total, int PageCount, IReadOnlyList<DataIndicatorSummary> Items, string Citation, string License);

/// <summary>A value readers saw before the one that revised it.</summary>
public sealed record DataRevision(decimal Value, string Status, DateTime RecordedUtc);

/// <summary>One released value: its period (<c>2026-M10</c>, <c>2026-Q3</c>, <c>2026-6T</c>, <c>2026-9T</c>, <c>2026</c>),
/// status (preliminary, revised, final), when it was recorded, and the released values it replaced (newest first).</summary>
public sealed record DataValue(string Period, string Label, decimal Value, string Status, DateTime RecordedUtc, bool Revised, IReadOnlyList<DataRevision> Revisions);

/// <summary>The next planned release of an indicator (its values are not in the answer before it is out).</summary>
public sealed record DataNextRelease(string Title, string? Period, DateTime PlannedUtc, string State, string? Reason);

/// <summary>The answer of <c>GET /api/data/indicators/{code}</c>: metadata, the released values, downloads, citation and licence.</summary>
public sealed record DataIndicator(string Code, string Name, string? Definition, string? Unit, string Frequency, string? Theme, string? Source,
    string? Methodology, int Decimals, string Url, string Dataset, IReadOnlyDictionary<string, string> Downloads, DataNextRelease? NextRelease,
    IReadOnlyList<DataValue> Values, string Citation, string License);

/// <summary>
/// The read-only open data API (<c>/api/data</c>): the indicators and their released series as JSON. Any site may read it
/// from a browser (CORS for GET without credentials), it is paged with a bounded page size, its answers carry an ETag and
/// Cache-Control (304 to a matching If-None-Match), and each address is rate limited. Values come from
/// <see cref="IndicatorStore"/>, so nothing of a release not out is ever in an answer.
/// </summary>
public static class DataApi
{
    public const string CorsPolicy = "OpenData";
    public const string RateLimitPolicy = "OpenDataApi";
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        // Vietnamese names stay readable; the answer is application/json, never HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/data").RequireCors(CorsPolicy).RequireRateLimiting(RateLimitPolicy).WithTags("Dữ liệu mở");
        api.MapGet("/indicators", ListAsync).WithName("DataIndicators")
            .WithSummary("Danh sách chỉ số (phân trang)")
            .Produces<DataIndicatorPage>(contentType: "application/json").Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/indicators/{code}", GetAsync).WithName("DataIndicator")
            .WithSummary("Một chỉ số: thông tin và chuỗi số liệu đã công bố")
            .Produces<DataIndicator>(contentType: "application/json").Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>GET /api/data/indicators?page=&amp;pageSize=</summary>
    private static async Task<IResult> ListAsync(string? page, string? pageSize, HttpContext context, IndicatorStore store, SettingsStore settings, IOptions<OpenDataOptions> options, CancellationToken cancellationToken)
    {
        if (Number(page, 1, Contents.Published.PublicContent.MaxPage, 1) is not { } number)
        {
            return BadPaging($"Tham số 'page' không hợp lệ: số trang là số nguyên từ 1 đến {Contents.Published.PublicContent.MaxPage.ToString("N0", Vietnamese)}.");
        }

        if (Number(pageSize, 1, MaxPageSize, DefaultPageSize) is not { } size)
        {
            return BadPaging($"Tham số 'pageSize' không hợp lệ: số mục mỗi trang là số nguyên từ 1 đến {MaxPageSize}.");
        }

        var indicators = await store.ListAsync(cancellationToken);
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        var items = indicators.Skip((number - 1) * size).Take(size)
            .Select(i => new DataIndicatorSummary(i.Code, i.Name, i.Unit, Name(i.Frequency), i.Theme, "/chi-so/" + i.Code, "/api/data/indicators/" + i.Code, OpenDataCatalog.PagePath + "/chi-so-" + i.Code))
            .ToList();
        return Cached(context, new DataIndicatorPage(number, size, indicators.Count, Math.Max(1, (indicators.Count + size - 1) / size), items, site.Citation, OpenDataLicence.Name), options.Value);
    }

    /// <summary>GET /api/data/indicators/{code}</summary>
    private static async Task<IResult> GetAsync(string code, HttpContext context, IndicatorStore store, ReleaseCalendar calendar, SettingsStore settings, IOptions<OpenDataOptions> options, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(code, cancellationToken) is not { } indicator)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy chỉ số",
                detail: "Không có chỉ số mã '" + (code.Length > Indicator.MaxCodeLength ? code[..Indicator.MaxCodeLength] + "…" : code) + "'. Danh sách các mã: /api/data/indicators.");
        }

        var series = await store.RevisedSeriesAsync(indicator.Id, cancellationToken);
        var next = await calendar.NextForAsync(indicator.Code, cancellationToken);
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        var download = "/chi-so/" + indicator.Code + "/tai-ve/";
        return Cached(context, new DataIndicator(
            indicator.Code, indicator.Name, indicator.Definition, indicator.Unit, Name(indicator.Frequency), indicator.Theme, indicator.Source, indicator.Methodology,
            indicator.Decimals, "/chi-so/" + indicator.Code, OpenDataCatalog.PagePath + "/chi-so-" + indicator.Code,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["csv"] = download + "csv", ["xlsx"] = download + "xlsx", ["json"] = download + "json" },
            next is null ? null : new DataNextRelease(next.Entry.Title, next.Entry.Period, next.Entry.PlannedUtc, Name(next.State), next.Entry.Reason),
            [.. series.Select(p => new DataValue(p.Point.Period.Key, p.Point.Period.Label, p.Point.Value, Name(p.Point.Status), p.Point.CreatedUtc, p.Earlier.Count > 0,
                [.. p.Earlier.Select(e => new DataRevision(e.Value, Name(e.Status), e.CreatedUtc))]))],
            site.Citation, OpenDataLicence.Name), options.Value);
    }

    /// <summary>The answer as JSON with a weak ETag of its bytes (compression may change the bytes sent) and
    /// Cache-Control; 304 without a body when the client already has it.</summary>
    private static IResult Cached<T>(HttpContext context, T body, OpenDataOptions options)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, JsonOptions);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(bytes), 0, 16) + "\"", isWeak: true);
        var headers = context.Response.Headers;
        headers.ETag = etag.ToString();
        headers.CacheControl = "public, max-age=" + Math.Max(0, options.ApiCacheSeconds).ToString(CultureInfo.InvariantCulture);
        if (EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var asked)
            && asked.Any(a => a.Equals(EntityTagHeaderValue.Any) || a.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(bytes, "application/json; charset=utf-8");
    }

    private static IResult BadPaging(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Tham số phân trang không hợp lệ", detail: detail);

    /// <summary>A whole number in [min, max]; the default when absent; null when it is anything else.</summary>
    private static int? Number(string? text, int min, int max, int absent) =>
        string.IsNullOrEmpty(text) ? absent
        : text.Length <= 6 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : null;

    /// <summary>An enum value as the API names it: <c>month</c>, <c>sixMonths</c>, <c>preliminary</c>, <c>published</c>.</summary>
    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static readonly NumberFormatInfo Vietnamese = new() { NumberGroupSeparator = ".", NumberDecimalDigits = 0 };
}
