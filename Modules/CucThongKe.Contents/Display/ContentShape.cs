namespace CucThongKe.Contents.Display;

/// <summary>The display types drivers build for: an item's own page, or an item in a list.</summary>
public static class DisplayTypes
{
    public const string Detail = "Detail";
    public const string Summary = "Summary";
}

/// <summary>
/// One piece of an item's display, built by a part's or field's driver: a typed view model, the template that renders it
/// (the theme holds the templates), and where it goes (a zone of the page and a position in it).
/// </summary>
/// <param name="Name">Which element built it: the part's name (<c>HtmlBodyPart</c>) or the field's path (<c>News.LeadImage</c>).</param>
/// <param name="Template">The template's name, the part or field kind by default (<c>HtmlBodyPart</c>, <c>MediaField</c>).</param>
/// <param name="Model">The view model the template reads.</param>
/// <param name="Zone">The zone of the page (<c>Header</c>, <c>Content</c>).</param>
/// <param name="Position">The order within the zone, a dotted number (<c>5</c>, <c>5.1</c>); equal positions keep the type's order.</param>
public sealed record ContentShape(string Name, string Template, object Model, string Zone, string Position)
{
    /// <summary>Compares dotted positions number by number ("2" before "10", "5" before "5.1"); a part that is not a number sorts last.</summary>
    internal static int ComparePositions(string a, string b)
    {
        var x = a.Split('.');
        var y = b.Split('.');
        for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
        {
            if (i >= x.Length)
            {
                return -1;
            }

            if (i >= y.Length)
            {
                return 1;
            }

            var order = Number(x[i]).CompareTo(Number(y[i]));
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    private static int Number(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
}
