using System.Globalization;
using CucThongKe.Core.Data;
using CucThongKe.Statistics.Calendar;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Statistics.Pages.Admin.Statistics;

/// <summary>Lịch công bố: the board keeps the release calendar (next year's before 15/12, Nghị định 94/2016): add an
/// entry, change its time, postpone it with a reason, tie it to the report whose publication releases it.</summary>
[Authorize(Policy = "ManageReleaseCalendar")]
public sealed class CalendarModel(ReleaseCalendar calendar) : PageModel
{
    public IReadOnlyList<ReleaseView> Entries { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public int Year { get; private set; }

    public string? Error { get; private set; }

    [FromQuery(Name = "nam")] public int? YearQuery { get; set; }

    [FromQuery(Name = "id")] public long? EditId { get; set; }

    [BindProperty] public EntryForm Form { get; set; } = new();

    public sealed class EntryForm
    {
        public long Id { get; set; }

        public string? Key { get; set; }

        public string? Title { get; set; }

        public string? Period { get; set; }

        /// <summary>Vietnam time, as the date-time input gives it (yyyy-MM-ddTHH:mm).</summary>
        public string? Planned { get; set; }

        public string? Indicators { get; set; }

        public string? ContentItemId { get; set; }

        public bool Postponed { get; set; }

        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (EditId is { } id)
        {
            if (await calendar.FindAsync(id, cancellationToken) is not { } entry)
            {
                return NotFound();
            }

            Form = new EntryForm
            {
                Id = entry.Id, Key = entry.Key, Title = entry.Title, Period = entry.Period, Indicators = entry.IndicatorCodes,
                Planned = VietnamTime.Format(entry.PlannedUtc, "yyyy-MM-dd'T'HH:mm"), ContentItemId = entry.ContentItemId,
                Postponed = entry.Status == ReleaseStatus.Postponed, Reason = entry.Reason,
            };
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!DateTime.TryParseExact(Form.Planned, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                throw new ReleaseEntryException("Thời gian công bố dự kiến không hợp lệ (ngày và giờ, giờ Việt Nam).");
            }

            var entry = await calendar.SaveAsync(new ReleaseEntry
            {
                Id = Form.Id,
                Key = Form.Key ?? "",
                Title = Form.Title ?? "",
                Period = Form.Period,
                PlannedUtc = DateTime.SpecifyKind(local.AddHours(-7), DateTimeKind.Utc),
                IndicatorCodes = Form.Indicators,
                ContentItemId = Form.ContentItemId,
                Status = Form.Postponed ? ReleaseStatus.Postponed : ReleaseStatus.Planned,
                Reason = Form.Reason,
            }, User.Identity!.Name!, cancellationToken);
            TempData["Message"] = $"Đã lưu đợt công bố «{entry.Title}».";
            return Redirect("/admin/lich-cong-bo?nam=" + VietnamTime.FromUtc(entry.PlannedUtc).Year.ToString(CultureInfo.InvariantCulture));
        }
        catch (ReleaseEntryException ex)
        {
            Error = ex.Message;
        }

        await LoadAsync(cancellationToken);
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Year = YearQuery is >= 1990 and <= 2100 ? YearQuery.Value : VietnamTime.FromUtc(calendar.Now).Year;
        Years = await calendar.YearsAsync(cancellationToken);
        Entries = await calendar.YearAsync(Year, cancellationToken);
    }
}
