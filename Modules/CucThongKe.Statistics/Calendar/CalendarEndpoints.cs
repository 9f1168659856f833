using System.Globalization;
using System.Text;
using System.Xml;
using CucThongKe.Core.Data;
using CucThongKe.Core.Settings;
using Microsoft.AspNetCore.Http;

namespace CucThongKe.Statistics.Calendar;

/// <summary>The release calendar as iCalendar (RFC 5545, times in UTC) and as RSS 2.0.</summary>
internal static class CalendarEndpoints
{
    /// <summary>This year's and next year's entries (Vietnam time), at most <see cref="ReleaseCalendar.MaxEntriesPerYear"/> each.</summary>
    public static async Task<IResult> ICalendarAsync(HttpContext http, ReleaseCalendar calendar, SettingsStore settings, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        var baseUrl = BaseUrl(http, site);
        var year = VietnamTime.FromUtc(calendar.Now).Year;
        var entries = (await calendar.YearAsync(year, cancellationToken)).Concat(await calendar.YearAsync(year + 1, cancellationToken));
        var host = new Uri(baseUrl).Host;
        var ics = new StringBuilder();
        void Line(string text) => ics.Append(Fold(text)).Append("\r\n");
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//CucThongKe//Lich pho bien thong tin thong ke//VI");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape("Lịch phổ biến thông tin thống kê - " + site.SiteName));
        Line("X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
        var stamp = Utc(calendar.Now);
        foreach (var view in entries)
        {
            var e = view.Entry;
            Line("BEGIN:VEVENT");
            Line($"UID:{e.Key}@{host}");
            Line("DTSTAMP:" + stamp);
            Line("DTSTART:" + Utc(e.PlannedUtc));
            Line("DURATION:PT30M");
            Line("SUMMARY:" + Escape(e.Title));
            var description = (e.Period is null ? "" : $"Kỳ số liệu: {e.Period}. ") + $"Tình trạng: {view.StateName}."
                + (e.Reason is null ? "" : $" Lý do hoãn: {e.Reason}");
            Line("DESCRIPTION:" + Escape(description));
            Line("STATUS:" + (view.State == ReleaseState.Postponed ? "TENTATIVE" : "CONFIRMED"));
            Line("URL:" + baseUrl + (view.Path is { } path ? "/" + path : "/lich-cong-bo"));
            Line("LAST-MODIFIED:" + Utc(e.ModifiedUtc));
            Line("END:VEVENT");
        }

        Line("END:VCALENDAR");
        return Results.File(Encoding.UTF8.GetBytes(ics.ToString()), "text/calendar; charset=utf-8", "lich-cong-bo.ics");
    }

    /// <summary>The next 50 releases, soonest first.</summary>
    public static async Task<IResult> RssAsync(HttpContext http, ReleaseCalendar calendar, SettingsStore settings, CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        var baseUrl = BaseUrl(http, site);
        var entries = await calendar.UpcomingAsync(50, cancellationToken);
        var builder = new StringBuilder();
        using (var w = XmlWriter.Create(builder, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            w.WriteStartElement("rss");
            w.WriteAttributeString("version", "2.0");
            w.WriteStartElement("channel");
            w.WriteElementString("title", $"Lịch phổ biến thông tin thống kê - {site.SiteName}");
            w.WriteElementString("link", baseUrl + "/lich-cong-bo");
            w.WriteElementString("description", $"Các đợt công bố số liệu thống kê sắp tới của {site.OwnerName ?? site.SiteName}. {site.Citation}.");
            w.WriteElementString("language", "vi");
            foreach (var view in entries)
            {
                var e = view.Entry;
                w.WriteStartElement("item");
                w.WriteElementString("title", $"{VietnamTime.Format(e.PlannedUtc, "HH:mm dd/MM/yyyy")}: {e.Title}");
                w.WriteElementString("link", baseUrl + "/lich-cong-bo");
                w.WriteStartElement("guid");
                w.WriteAttributeString("isPermaLink", "false");
                w.WriteString($"{e.Key}-{e.ModifiedUtc.Ticks}");
                w.WriteEndElement();
                w.WriteElementString("pubDate", e.ModifiedUtc.ToString("r", CultureInfo.InvariantCulture));
                w.WriteElementString("description", $"{view.StateName}" + (e.Period is null ? "" : $". Kỳ số liệu: {e.Period}") + (e.Reason is null ? "" : $". Lý do hoãn: {e.Reason}") + ".");
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        return Results.Text(builder.ToString(), "application/rss+xml", Encoding.UTF8);
    }

    private static string Utc(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 3.3.11: backslash, semicolon, comma and line breaks escaped in text values.</summary>
    internal static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);

    /// <summary>RFC 5545 3.1: lines longer than 75 octets are folded (CRLF and a space), never inside a UTF-8 character.</summary>
    internal static string Fold(string line)
    {
        var result = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                result.Append("\r\n ");
                octets = 1;
            }

            result.Append(rune.ToString());
            octets += size;
        }

        return result.ToString();
    }

    private static string BaseUrl(HttpContext http, SiteSettings site) =>
        (site.BaseUrl is { Length: > 0 } configured ? configured : $"{http.Request.Scheme}://{http.Request.Host}").TrimEnd('/');
}
