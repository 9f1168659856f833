using CucThongKe.Core.Backup;

namespace CucThongKe.Tests.Backup;

public sealed class BackupRulesTests
{
    [Theory]
    [InlineData("manifest.json", true)]
    [InlineData("database/cucthongke.db", true)]
    [InlineData("settings/appsettings.json", true)]
    [InlineData("data/media/2026/báo-cáo.pdf", true)]
    [InlineData("../x", false)]
    [InlineData("data/../../x", false)]
    [InlineData("data/media/./x", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("data//x", false)]
    [InlineData("data\\..\\x", false)]
    [InlineData("database/sub/x.db", false)]
    [InlineData("data", false)]
    [InlineData("other/x", false)]
    [InlineData("data/C:/x", false)]
    public void Only_the_entries_a_backup_writes_with_plain_segments_are_restored(string name, bool safe) =>
        Assert.Equal(safe, BackupArchive.IsSafeName(name));

    [Theory]
    // 02:00 in Vietnam is 19:00 UTC the day before.
    [InlineData(null, "2026-12-07T10:00:00", true)]
    [InlineData("cucthongke-20261206-190500.tar.gz", "2026-12-07T10:00:00", false)]
    [InlineData("cucthongke-20261206-185900.tar.gz", "2026-12-07T10:00:00", true)]
    [InlineData("cucthongke-20261206-190500.tar.gz", "2026-12-07T18:59:00", false)]
    [InlineData("cucthongke-20261206-190500.tar.gz", "2026-12-07T19:00:00", true)]
    [InlineData("ten-la.tar.gz", "2026-12-07T10:00:00", true)]
    public void A_daily_backup_is_due_when_the_newest_is_older_than_the_last_time_of_day_in_vietnam(string? newest, string nowUtc, bool due) =>
        Assert.Equal(due, DailyBackupService.IsDue(newest, DateTime.SpecifyKind(DateTime.Parse(nowUtc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), "02:00"));
}
