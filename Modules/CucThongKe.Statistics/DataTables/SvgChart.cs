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

    /// <summary>A line chart of a series, oldest point first, with its values printed at both ends and the periods under
    /// the axis: drawn on the server, read without JavaScript; the table next to it carries every value.</summary>
    public static string? Line(IReadOnlyList<(string Label, decimal Value, string Text)> points, string title)
    {
        if (points.Count < 2)
        {
            return null;
        }

        const int width = 720, height = 260, left = 56, right = 20, top = 20, bottom = 40;
        var (min, max) = (points.Min(p => p.Value), points.Max(p => p.Value));
        if (min == max)
        {
            (min, max) = (min - 1, max + 1);
        }

        var padding = (max - min) / 10;
        (min, max) = (min - padding, max + padding);
        double X(int i) => left + (i * (double)(width - left - right) / (points.Count - 1));
        double Y(decimal v) => top + ((double)((max - v) / (max - min)) * (height - top - bottom));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart chart-line\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - right}\" y2=\"{height - bottom}\" stroke=\"#5c6670\"/>");
        svg.Append("<polyline fill=\"none\" stroke=\"#0b3d91\" stroke-width=\"2.5\" points=\"");
        svg.AppendJoin(' ', points.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(p.Value):0.#}")));
        svg.Append("\"/>");
        var step = Math.Max(1, (int)Math.Ceiling(points.Count / 12.0));
        for (var i = 0; i < points.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(points[i].Value):0.#}\" r=\"3\" fill=\"#0b3d91\"><title>{E(points[i].Label)}: {E(points[i].Text)}</title></circle>");
            if (i % step == 0 || i == points.Count - 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{height - bottom + 18}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1b1f24\">{E(points[i].Label)}</text>");
            }
        }

        foreach (var i in new[] { 0, points.Count - 1 })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{Y(points[i].Value) - 8:0.#}\" text-anchor=\"{(i == 0 ? "start" : "end")}\" font-size=\"13\" font-weight=\"700\" fill=\"#1b1f24\">{E(points[i].Text)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A small trend line for a strip of key figures; decorative (the figure and its change are in the text).</summary>
    public static string? Sparkline(IReadOnlyList<decimal> values)
    {
        if (values.Count < 2)
        {
            return null;
        }

        const int width = 120, height = 32;
        var (min, max) = (values.Min(), values.Max());
        var range = max == min ? 1 : max - min;
        var points = values.Select((v, i) => string.Create(CultureInfo.InvariantCulture,
            $"{i * (double)(width - 4) / (values.Count - 1) + 2:0.#},{height - 3 - ((double)((v - min) / range) * (height - 6)):0.#}"));
        return $"<svg class=\"sparkline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" aria-hidden=\"true\" focusable=\"false\"><polyline fill=\"none\" stroke=\"#0b3d91\" stroke-width=\"2\" points=\"{string.Join(' ', points)}\"/></svg>";
    }

    /// <summary>Escapes markup characters only, so Vietnamese letters stay readable in the SVG source.</summary>
    private static string E(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
