using System.Globalization;
using CucThongKe.Core.Data;
using CucThongKe.Statistics.Calendar;
using CucThongKe.Theme.Public.Navigation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Theme.Public.Pages;

/// <summary>The release calendar of a year, or by default this year's and next year's (published before 15/12).</summary>
public sealed class CalendarModel(ReleaseCalendar calendar) : PageModel
{
    public IReadOnlyList<ReleaseView> Entries { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public int Year { get; private set; }

    /// <summary>Whether the page shows next year's entries after this year's (no year asked).</summary>
    public bool WithNextYear { get; private set; }

    [FromQuery(Name = "nam")] public string? YearText { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Year = VietnamTime.FromUtc(calendar.Now).Year;
        if (!string.IsNullOrWhiteSpace(YearText))
        {
            if (!int.TryParse(YearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1990 or > 2100)
            {
                return BadQuery.Result(this, "Năm không hợp lệ: năm là bốn chữ số, từ 1990 đến 2100.");
            }

            Year = year;
        }

        Years = [.. (await calendar.YearsAsync(cancellationToken)).Append(Year).Distinct().Order()];
        WithNextYear = string.IsNullOrWhiteSpace(YearText);
        Entries = WithNextYear
            ? [.. await calendar.YearAsync(Year, cancellationToken), .. await calendar.YearAsync(Year + 1, cancellationToken)]
            : await calendar.YearAsync(Year, cancellationToken);
        var link = SiteMenu.More[0];
        ViewData["Title"] = link.Title;
        ViewData["Description"] = link.Description;
        Breadcrumb.Set(ViewData, link);
        return Page();
    }
}
