using System.Text;
using CucThongKe.Statistics.DataTables;
using CucThongKe.Statistics.Indicators;

namespace CucThongKe.Tests.Statistics;

/// <summary>The one check of imported values: each refusal names the cell as a spreadsheet names it, and a table with
/// one wrong cell gives no rows at all.</summary>
public class IndicatorImportTests
{
    private static readonly Dictionary<string, PeriodKind> Known = new(StringComparer.Ordinal)
    {
        ["cpi"] = PeriodKind.Month,
        ["grdp"] = PeriodKind.Quarter,
        ["dan-so"] = PeriodKind.Year,
    };

    /// <summary>A CSV read by the site's own reader, so that row numbers are the file's (blank lines counted).</summary>
    private static StatTable Csv(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "import-test-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        try
        {
            return StatTableReader.Read(path, "test");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IReadOnlyList<string> Refusal(string csv) =>
        Assert.Throws<IndicatorImportException>(() => IndicatorImport.Check(Csv(csv), Known)).Errors;

    [Fact]
    public void A_good_table_gives_every_value_with_its_period_and_status()
    {
        var rows = IndicatorImport.Check(Csv("Mã chỉ số;Kỳ;Giá trị;Tình trạng\ncpi;T10/2026;103,52;sơ bộ\nCPI;Tháng 9/2026;103,61;\ngrdp;Quý III/2026;7,6;Chính thức\ndan-so;2025;1.362,5;dieu chinh\n"), Known);

        Assert.Equal(4, rows.Count);
        Assert.Equal(new ImportRow("cpi", new Period(PeriodKind.Month, 2026, 10), 103.52m, ValueStatus.Preliminary), rows[0]);
        Assert.Equal(new ImportRow("cpi", new Period(PeriodKind.Month, 2026, 9), 103.61m, null), rows[1]);
        Assert.Equal(new ImportRow("grdp", new Period(PeriodKind.Quarter, 2026, 3), 7.6m, ValueStatus.Final), rows[2]);
        Assert.Equal(new ImportRow("dan-so", new Period(PeriodKind.Year, 2025, 0), 1362.5m, ValueStatus.Revised), rows[3]);
    }

    [Fact]
    public void Text_in_a_number_cell_is_refused_with_the_cell_named()
    {
        var errors = Refusal("Mã chỉ số,Kỳ,Giá trị\ncpi,T1/2026,103.1\ncpi,T2/2026,103.2\ncpi,T3/2026,103.3\ncpi,T4/2026,103.4\ncpi,T5/2026,103.5\ncpi,T6/2026,abc\n");

        Assert.Equal(["Ô C7: 'abc' không phải là số."], errors);
    }

    [Fact]
    public void Blank_lines_still_count_in_the_cell_named()
    {
        var errors = Refusal("Mã chỉ số,Kỳ,Giá trị\n\ncpi,T1/2026,103.1\n\ncpi,T2/2026,mười\n");

        Assert.Equal(["Ô C5: 'mười' không phải là số."], errors);
    }

    [Fact]
    public void Wrong_periods_are_refused_with_the_cell_named()
    {
        var errors = Refusal("Mã chỉ số,Kỳ,Giá trị\ncpi,T13/2026,1\ncpi,Q5/2026,1\ngrdp,T3/2026,7\ndan-so,Q1/2025,1\ncpi,,1\ncpi,1850,1\n");

        Assert.Equal(
        [
            "Ô B2: 'T13/2026' không phải là kỳ (ví dụ T10/2026, Q3/2026, 6T/2026, 9T/2026, 2026).",
            "Ô B3: 'Q5/2026' không phải là kỳ (ví dụ T10/2026, Q3/2026, 6T/2026, 9T/2026, 2026).",
            "Ô B4: chỉ số 'grdp' công bố theo quý, không có số liệu kỳ Tháng 3/2026.",
            "Ô B5: chỉ số 'dan-so' công bố theo năm, không có số liệu kỳ Quý I/2025.",
            "Ô B6: thiếu kỳ.",
            "Ô B7: '1850' không phải là kỳ (ví dụ T10/2026, Q3/2026, 6T/2026, 9T/2026, 2026).",
        ], errors);
    }

    [Fact]
    public void A_duplicate_period_names_both_cells()
    {
        var errors = Refusal("Mã chỉ số,Kỳ,Giá trị\ncpi,T10/2026,103.5\ngrdp,Q3/2026,7.6\ncpi,Tháng 10/2026,103.6\n");

        Assert.Equal(["Ô B4: kỳ Tháng 10/2026 của chỉ số 'cpi' đã có ở ô B2."], errors);
    }

    [Fact]
    public void Unknown_codes_missing_values_and_bad_statuses_are_each_named()
    {
        var errors = Refusal("Mã chỉ số,Kỳ,Giá trị,Tình trạng\nchi-so-la,T10/2026,1,\ncpi,T10/2026,,\ncpi,T11/2026,1,tạm tính\n,T12/2026,1,\n");

        Assert.Equal(
        [
            "Ô A2: không có chỉ số mã 'chi-so-la'.",
            "Ô C3: thiếu giá trị.",
            "Ô D4: 'tạm tính' không phải tình trạng (sơ bộ, điều chỉnh, chính thức).",
            "Ô A5: thiếu mã chỉ số.",
        ], errors);
    }

    [Fact]
    public void A_table_without_the_columns_is_refused_by_its_header_row()
    {
        var errors = Refusal("Tên,Số\ncpi,1\n");

        Assert.Equal(["Dòng 1: thiếu cột 'Mã chỉ số'.", "Dòng 1: thiếu cột 'Kỳ'.", "Dòng 1: thiếu cột 'Giá trị'."], errors);
    }

    [Fact]
    public void A_long_list_of_errors_is_cut_and_counted()
    {
        var csv = new StringBuilder("Mã chỉ số,Kỳ,Giá trị\n");
        for (var i = 0; i < 40; i++)
        {
            csv.Append("cpi,T1/2026,x").Append(i).Append('\n');
        }

        var errors = Refusal(csv.ToString());

        Assert.Equal(IndicatorImport.MaxListedErrors + 1, errors.Count);
        Assert.Equal("... và 10 lỗi khác.", errors[^1]);
    }

    [Theory]
    [InlineData("T10/2026", PeriodKind.Month, 10, "2026-M10", "Tháng 10/2026")]
    [InlineData("tháng 1/2027", PeriodKind.Month, 1, "2027-M01", "Tháng 1/2027")]
    [InlineData("2026-M03", PeriodKind.Month, 3, "2026-M03", "Tháng 3/2026")]
    [InlineData("Quý IV/2026", PeriodKind.Quarter, 4, "2026-Q4", "Quý IV/2026")]
    [InlineData("q2/2026", PeriodKind.Quarter, 2, "2026-Q2", "Quý II/2026")]
    [InlineData("6 tháng/2026", PeriodKind.SixMonths, 0, "2026-6T", "6 tháng/2026")]
    [InlineData("9T/2026", PeriodKind.NineMonths, 0, "2026-9T", "9 tháng/2026")]
    [InlineData("Năm 2025", PeriodKind.Year, 0, "2025", "Năm 2025")]
    public void Periods_are_read_as_offices_write_them(string text, PeriodKind kind, int number, string key, string label)
    {
        var period = Period.Parse(text);

        Assert.NotNull(period);
        Assert.Equal((kind, number, key, label), (period.Value.Kind, period.Value.Number, period.Value.Key, period.Value.Label));
        Assert.Equal(period, Period.Parse(period.Value.Key));
    }
}
