namespace CucThongKe.Core.Data;

/// <summary>Times are stored in UTC and shown in Vietnam time (UTC+7, no daylight saving).</summary>
public static class VietnamTime
{
    private static readonly TimeZoneInfo Zone = Find();

    /// <summary>Vietnam keeps UTC+7 all year, so the offset back to UTC is fixed.</summary>
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The UTC time of a Vietnam wall-clock time (a deadline's end of day, say).</summary>
    public static DateTime ToUtc(DateTime vietnamLocal) => DateTime.SpecifyKind(vietnamLocal - Offset, DateTimeKind.Utc);

    /// <summary>"28/11/2026 09:30" in Vietnam time.</summary>
    public static string Format(DateTime? utc, string format = "dd/MM/yyyy HH:mm") =>
        utc is null ? "" : FromUtc(utc.Value).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }
}
