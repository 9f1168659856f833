using System.Globalization;
using System.Text;

namespace CucThongKe.Statistics.DataTables;

/// <summary>A horizontal bar chart of one numeric column, drawn on the server as SVG so it reads without JavaScript.</summary>
public static class SvgChart
{
    public const int MaxBars = 25;

    /// <summary>The chart, or null when the table does not suit one (no numeric column, too many rows, negative values).</summary>
    public static string? Bars(StatTable table)
    {
        var column = Enumerable.Range(1, Math.Max(0, table.Headers.Count - 1)).FirstOrDefault(table.IsNumeric);
        if (column == 0 || table.Rows.Count is 0 or > MaxBars)
        {
            return null;
        }

        var bars = table.Rows.Select(r => (Label: r[0], Value: StatTable.Number(r[column]) ?? 0m)).ToList();
        if (bars.Any(b => b.Value < 0) || bars.All(b => b.Value == 0))
        {
            return null;
        }

        const int labelWidth = 260, barArea = 420, rowHeight = 28, top = 8;
        var max = bars.Max(b => b.Value);
        var height = top + (bars.Count * rowHeight) + 8;
        var width = labelWidth + barArea + 90;
        var svg = new StringBuilder();
        var title = $"Biểu đồ: {table.Headers[column]} theo {table.Headers[0]}";
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = top + (i * rowHeight);
            var length = (int)Math.Round(bars[i].Value / max * barArea);
            var label = bars[i].Label.Length > 38 ? bars[i].Label[..37] + "…" : bars[i].Label;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 18}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1b1f24\">{E(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{Math.Max(1, length)}\" height=\"{rowHeight - 10}\" fill=\"#0b3d91\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + length + 6}\" y=\"{y + 18}\" font-size=\"13\" fill=\"#1b1f24\">{E(table.Rows[i][column])}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Escapes markup characters only, so Vietnamese letters stay readable in the SVG source.</summary>
    private static string E(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
