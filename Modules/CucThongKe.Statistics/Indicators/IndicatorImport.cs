using CucThongKe.Statistics.DataTables;
using CucThongKe.TextEncoding;

namespace CucThongKe.Statistics.Indicators;

/// <summary>One value a table gives, checked.</summary>
public sealed record ImportRow(string Code, Period Period, decimal Value, ValueStatus? Status);

/// <summary>Why an import was refused: every wrong cell, named as a spreadsheet names it. Nothing was stored.</summary>
public sealed class IndicatorImportException(IReadOnlyList<string> errors)
    : Exception("Không nhập số liệu nào vì tệp có lỗi: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// The one check every way values come in goes through (an upload, a report's data table, a recipe): a table with the
/// columns "Mã chỉ số", "Kỳ", "Giá trị" and optionally "Tình trạng", one value a row. A table with any wrong cell is
/// refused whole, with each wrong cell named ("Ô C7: 'abc' không phải là số").
/// </summary>
public static class IndicatorImport
{
    /// <summary>How many errors a refusal lists; the rest are counted.</summary>
    public const int MaxListedErrors = 30;

    public static IReadOnlyList<ImportRow> Check(StatTable table, IReadOnlyDictionary<string, PeriodKind> frequencies)
    {
        var errors = new List<string>();
        var headerRow = table.RowNumbers.Count > 0 ? table.RowNumbers[0] : 1;
        int Column(string name, params string[] folded)
        {
            var index = table.Headers.ToList().FindIndex(h => folded.Contains(VietnameseText.Fold(h).Trim()));
            if (index < 0 && name.Length > 0)
            {
                errors.Add($"Dòng {headerRow}: thiếu cột '{name}'.");
            }

            return index;
        }

        var code = Column("Mã chỉ số", "ma chi so", "ma", "chi so", "code");
        var period = Column("Kỳ", "ky", "ky bao cao", "period");
        var value = Column("Giá trị", "gia tri", "so lieu", "value");
        var status = Column("", "tinh trang", "trang thai", "status");
        if (errors.Count > 0)
        {
            throw new IndicatorImportException(errors);
        }

        var rows = new List<ImportRow>();
        var seen = new Dictionary<(string, string), string>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var cells = table.Rows[r];
            var codeText = cells[code].Trim().ToLowerInvariant();
            var periodText = cells[period].Trim();
            var valueText = cells[value].Trim();
            var ok = true;
            if (codeText.Length == 0)
            {
                ok = Fail(errors, table.CellName(r, code), "thiếu mã chỉ số.");
            }
            else if (!frequencies.TryGetValue(codeText, out _))
            {
                ok = Fail(errors, table.CellName(r, code), $"không có chỉ số mã '{cells[code].Trim()}'.");
            }

            var parsed = Period.Parse(periodText);
            if (parsed is null)
            {
                ok = Fail(errors, table.CellName(r, period), periodText.Length == 0 ? "thiếu kỳ." : $"'{periodText}' không phải là kỳ (ví dụ T10/2026, Q3/2026, 6T/2026, 9T/2026, 2026).");
            }
            else if (frequencies.TryGetValue(codeText, out var frequency) && !parsed.Value.Fits(frequency))
            {
                ok = Fail(errors, table.CellName(r, period), $"chỉ số '{codeText}' công bố theo {Period.KindName(frequency)}, không có số liệu kỳ {parsed.Value.Label}.");
            }

            var number = StatTable.Number(valueText);
            if (valueText.Length == 0)
            {
                ok = Fail(errors, table.CellName(r, value), "thiếu giá trị.");
            }
            else if (number is null)
            {
                ok = Fail(errors, table.CellName(r, value), $"'{valueText}' không phải là số.");
            }

            ValueStatus? state = null;
            if (status >= 0 && cells[status].Trim().Length > 0 && (state = IndicatorValue.ParseStatus(cells[status])) is null)
            {
                ok = Fail(errors, table.CellName(r, status), $"'{cells[status].Trim()}' không phải tình trạng (sơ bộ, điều chỉnh, chính thức).");
            }

            if (ok && parsed is { } p && number is { } n)
            {
                if (seen.TryGetValue((codeText, p.Key), out var first))
                {
                    Fail(errors, table.CellName(r, period), $"kỳ {p.Label} của chỉ số '{codeText}' đã có ở ô {first}.");
                    continue;
                }

                seen[(codeText, p.Key)] = table.CellName(r, period);
                rows.Add(new ImportRow(codeText, p, n, state));
            }
        }

        if (errors.Count > 0)
        {
            throw new IndicatorImportException(errors.Count > MaxListedErrors
                ? [.. errors.Take(MaxListedErrors), $"... và {errors.Count - MaxListedErrors} lỗi khác."]
                : errors);
        }

        return rows;
    }

    private static bool Fail(List<string> errors, string cell, string message)
    {
        errors.Add($"Ô {cell}: {message}");
        return false;
    }
}
