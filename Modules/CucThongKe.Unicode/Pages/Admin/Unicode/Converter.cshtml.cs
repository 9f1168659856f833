using System.Text;
using CucThongKe.Contents.Services;
using CucThongKe.TextEncoding;
using CucThongKe.Unicode.Converter;
using CucThongKe.Unicode.Spreadsheets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Unicode.Pages.Admin.Unicode;

/// <summary>
/// Chuyển mã tiếng Việt: pasted text or an uploaded .txt/.csv/.xlsx converted from TCVN3, VNI or NFD to Unicode, shown
/// beside the original and offered for download. Open to every back-office user (the /Admin folder's AccessAdmin).
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = FormLimit)]
[RequestSizeLimit(FormLimit)]
public sealed class ConverterModel(ConvertedFileStore store) : PageModel
{
    public const long MaxFileBytes = 5L * 1024 * 1024;

    public const int MaxTextLength = 1_000_000;

    private const long FormLimit = MaxFileBytes + (1024 * 1024);

    /// <summary>How much of a text is shown on the page; the download has all of it.</summary>
    private const int PreviewLength = 100_000;

    public static readonly IReadOnlyList<(string Value, string Label)> Sources =
    [
        ("", "Tự nhận biết"),
        ("tcvn3", LegacyTextRules.Label(TextEncodingKind.Tcvn3)),
        ("vni", LegacyTextRules.Label(TextEncodingKind.Vni)),
        ("nfd", LegacyTextRules.Label(TextEncodingKind.Nfd)),
    ];

    [BindProperty(Name = "van-ban")]
    public string? Text { get; set; }

    [BindProperty(Name = "nguon")]
    public string? Source { get; set; }

    public string? Error { get; private set; }

    public TextDiagnosis? Detection { get; private set; }

    public ConversionReport? Report { get; private set; }

    public string? Original { get; private set; }

    public string? Result { get; private set; }

    public string? FileName { get; private set; }

    public string? DownloadToken { get; private set; }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        var source = VietnameseConversion.ParseSource(Source);
        if (file is { Length: > 0 })
        {
            return await ConvertFileAsync(file, source, cancellationToken);
        }

        if (string.IsNullOrEmpty(Text))
        {
            return Refuse(StatusCodes.Status400BadRequest, file is null ? "Hãy dán văn bản hoặc chọn một tệp." : "Tệp rỗng.");
        }

        if (Text.Length > MaxTextLength)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"Văn bản dài quá {MaxTextLength:N0} ký tự; hãy lưu thành tệp .txt rồi tải lên.");
        }

        Report = new ConversionReport("dòng");
        Detection = VietnameseTextDetector.Detect(Text);
        Original = Text;
        Result = TextFileConversion.ConvertText(Text, source, Report);
        FileName = "van-ban-unicode.txt";
        DownloadToken = await SaveAsync(FileName, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(Result), cancellationToken);
        return Page();
    }

    /// <summary>The converted file, for the user who converted it, within the hour.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string? ma, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (await store.GetAsync(ma, User.Identity?.Name ?? "", cancellationToken) is not { } stored)
        {
            return NotFound();
        }

        return File(stored.Content, stored.File.ContentType, stored.File.FileName);
    }

    private async Task<IActionResult> ConvertFileAsync(IFormFile file, TextEncodingKind? source, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".txt" or ".csv" or ".xlsx"))
        {
            return Refuse(StatusCodes.Status400BadRequest, $"Chỉ nhận tệp .txt, .csv hoặc .xlsx; tệp «{Path.GetFileName(file.FileName)}» không thuộc các loại này.");
        }

        if (file.Length > MaxFileBytes)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"Tệp lớn hơn giới hạn {MaxFileBytes / (1024 * 1024)} MB.");
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        var baseName = Path.GetFileNameWithoutExtension(Path.GetFileName(file.FileName));
        FileName = (baseName.Length == 0 ? "tep" : baseName) + "-unicode" + extension;
        if (extension == ".xlsx")
        {
            Report = new ConversionReport();
            using var workbook = new MemoryStream();
            workbook.Write(bytes);
            try
            {
                XlsxConversion.Convert(workbook, source, Report);
            }
            catch (UnreadableSpreadsheetException ex)
            {
                return Refuse(StatusCodes.Status400BadRequest, ex.Message);
            }

            Detection = Report.Sample.Length > 0 ? VietnameseTextDetector.Detect(Report.Sample) : null;
            DownloadToken = await SaveAsync(FileName, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.ToArray(), cancellationToken);
            return Page();
        }

        var (text, legacyBytes) = TextFileConversion.Decode(bytes);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Refuse(StatusCodes.Status400BadRequest, "Tệp không phải văn bản (có ký tự nhị phân).");
        }

        Report = extension == ".csv" ? new ConversionReport() : new ConversionReport("dòng");
        if (legacyBytes)
        {
            Report.Notes.Add("Tệp không phải UTF-8: đã đọc từng byte theo bảng mã 8 bit (Windows-1252), như các tệp TCVN3 và VNI cũ.");
        }

        Detection = VietnameseTextDetector.Detect(text.Length > PreviewLength ? text[..PreviewLength] : text);
        Original = text;
        Result = extension == ".csv" ? TextFileConversion.ConvertCsv(text, source, Report) : TextFileConversion.ConvertText(text, source, Report);
        byte[] output = extension == ".csv" ? [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Result)] : Encoding.UTF8.GetBytes(Result);
        DownloadToken = await SaveAsync(FileName, extension == ".csv" ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8", output, cancellationToken);
        return Page();
    }

    /// <summary>The first part of a long text, for the page.</summary>
    public static string Preview(string text) => text.Length <= PreviewLength ? text : text[..PreviewLength] + "\n…";

    private Task<string> SaveAsync(string fileName, string contentType, byte[] content, CancellationToken cancellationToken) =>
        store.SaveAsync(new ConvertedFile(User.Identity?.Name ?? "", fileName, contentType), content, cancellationToken);

    private PageResult Refuse(int status, string message)
    {
        Error = message;
        (Report, Detection, Original, Result, DownloadToken) = (null, null, null, null, null);
        Response.StatusCode = status;
        return Page();
    }
}
