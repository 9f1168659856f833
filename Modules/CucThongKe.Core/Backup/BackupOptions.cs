namespace CucThongKe.Core.Backup;

/// <summary>The <c>Cms:Backup</c> section: the daily backup and where the database tools are.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Cms:Backup";

    /// <summary>Make a backup every day at <see cref="DailyAt"/> (by one node: the holder of the backup lease).</summary>
    public bool Daily { get; set; } = true;

    /// <summary>The time of day of the daily backup, in Vietnam time (<c>HH:mm</c>).</summary>
    public string DailyAt { get; set; } = "02:00";

    /// <summary>How many daily backups are kept in <see cref="Folder"/>; older ones are deleted after a new one is made.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>Where backups are written (the daily ones, and <c>backup</c> without a file name); by default
    /// <c>{Cms:DataPath}/backups</c>. Better on another disk: a backup on the disk it protects is lost with it.</summary>
    public string? Folder { get; set; }

    /// <summary>The folder of <c>pg_dump</c> and <c>pg_restore</c>; by default the <c>PATH</c>, then <c>/usr/lib/postgresql/*/bin</c>.</summary>
    public string? PostgresBinPath { get; set; }
}
