using System.Text;
using BenchmarkDotNet.Attributes;
using CucThongKe.TextEncoding;

namespace CucThongKe.Benchmarks;

/// <summary>
/// The Vietnamese text checks every stored string and request input goes through (issue 7): the detector on a 3 KB
/// paragraph (clean Unicode, and the same text in TCVN3), the clean-up on clean text, and a TCVN3 conversion.
/// </summary>
[MemoryDiagnoser]
public class TextEncodingBenchmarks
{
    private const string Sentences =
        "Tổng sản phẩm trên địa bàn tỉnh (GRDP) 9 tháng năm 2025 ước tăng 7,52% so với cùng kỳ năm trước. " +
        "Chỉ số giá tiêu dùng (CPI) tháng Mười tăng 0,21% so với tháng trước; giá vàng và đô-la Mỹ biến động. " +
        "Kim ngạch xuất khẩu hàng hóa ước đạt 22,3 tỷ USD, chủ yếu là điện thoại và linh kiện điện tử. " +
        "Người dân được hưởng lợi từ những ngôi trường mới xây ở vùng sâu, vùng xa. ";

    private readonly string _unicode = Repeat(Sentences, 3000);
    private readonly string _ascii = Repeat("The gross regional domestic product grew by 7.52 percent year on year. ", 3000);
    private string _tcvn3 = "";

    [GlobalSetup]
    public void Setup() => _tcvn3 = LegacyVietnamese.ToTcvn3(_unicode);

    [Benchmark]
    public TextDiagnosis DetectUnicodeOf3KB() => VietnameseTextDetector.Detect(_unicode);

    [Benchmark]
    public TextDiagnosis DetectTcvn3Of3KB() => VietnameseTextDetector.Detect(_tcvn3);

    [Benchmark]
    public string CleanUnicodeOf3KB() => UnicodeText.Clean(_unicode);

    [Benchmark]
    public bool NeedsCleaningAsciiOf3KB() => UnicodeText.NeedsCleaning(_ascii);

    [Benchmark]
    public string ToUnicodeFromTcvn3Of3KB() => LegacyVietnamese.ToUnicode(_tcvn3);

    private static string Repeat(string text, int length)
    {
        var builder = new StringBuilder(length + text.Length);
        while (builder.Length < length) builder.Append(text);
        return builder.ToString(0, length);
    }
}
