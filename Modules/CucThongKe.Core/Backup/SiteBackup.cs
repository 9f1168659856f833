using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CucThongKe.Core.Backup;

/// <summary>
/// Backs a site up into one archive and restores it: a consistent copy of the database (SQLite's online backup, or
/// <c>pg_dump</c>), the data folder's files (media, the old key folder, what modules keep there; not what is rebuilt: search
/// indexes, resized images, temporary files, backups) and the host's <c>appsettings*.json</c>, with a manifest and SHA-256
/// checksums. A restore reads the whole archive first and writes nothing unless every check passes.
/// </summary>
public sealed class SiteBackup(
    CmsDbContext db,
    DataFolder dataFolder,
    IOptions<CmsOptions> cmsOptions,
    IOptions<BackupOptions> backupOptions,
    IWebHostEnvironment environment,
    TimeProvider clock)
{
    public const string SqliteFileName = "cucthongke.db";

    /// <summary>Folders of the data folder that are rebuilt or are not the site's (kept out of a backup, emptied by a forced restore).</summary>
    private static readonly string[] RebuiltFolders = ["search", "media-cache", "tmp", "backups", "restored-settings"];

    private string DataPath => dataFolder.FullPath;

    private DatabaseProvider Provider => cmsOptions.Value.Database.Provider;

    /// <summary>Where backups go by default (<c>Cms:Backup:Folder</c>, or <c>{DataPath}/backups</c>).</summary>
    public string Folder => string.IsNullOrWhiteSpace(backupOptions.Value.Folder)
        ? Path.Combine(DataPath, "backups")
        : Path.GetFullPath(backupOptions.Value.Folder, environment.ContentRootPath);

    /// <summary>A new archive's name: the time it was made, so that names sort as times do.</summary>
    public string NewArchivePath() =>
        Path.Combine(Folder, $"cucthongke-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.tar.gz");

    /// <summary>Writes a backup to <paramref name="archivePath"/> (through a temporary file: a half-written archive never has the name).</summary>
    public async Task<BackupManifest> CreateAsync(string archivePath, CancellationToken cancellationToken)
    {
        archivePath = Path.GetFullPath(archivePath);
        Directory.CreateDirectory(Path.GetDirectoryName(archivePath)!);
        var staging = Directory.CreateTempSubdirectory("cucthongke-backup").FullName;
        try
        {
            var sources = new Dictionary<string, string>(StringComparer.Ordinal);
            IReadOnlyDictionary<string, long> counts;
            if (Provider == DatabaseProvider.Postgres)
            {
                counts = await CountRowsAsync(db.Database.GetDbConnection(), cancellationToken);
                var dump = Path.Combine(staging, "cucthongke.dump");
                await RunPostgresToolAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file=" + dump], cancellationToken);
                sources["database/cucthongke.dump"] = dump;
            }
            else
            {
                var copy = Path.Combine(staging, SqliteFileName);
                counts = await BackUpSqliteAsync(copy, cancellationToken);
                sources["database/" + SqliteFileName] = copy;
            }

            foreach (var file in DataFiles(DataPath, archivePath))
            {
                sources["data/" + Path.GetRelativePath(DataPath, file).Replace(Path.DirectorySeparatorChar, '/')] = file;
            }

            foreach (var file in Directory.EnumerateFiles(environment.ContentRootPath, "appsettings*.json"))
            {
                sources["settings/" + Path.GetFileName(file)] = file;
            }

            var files = new List<BackupFile>();
            foreach (var (entry, source) in sources.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                files.Add(await BackupArchive.DescribeAsync(entry, source, cancellationToken));
            }

            var allCounts = new Dictionary<string, long>(counts, StringComparer.Ordinal) { ["files"] = files.Count(f => f.Path.StartsWith("data/", StringComparison.Ordinal)) };
            var manifest = new BackupManifest(1, Version, await SchemaAsync(cancellationToken), Provider.ToString(), clock.GetUtcNow().UtcDateTime, allCounts, files);
            var partial = archivePath + ".partial";
            await BackupArchive.WriteAsync(partial, manifest, sources, cancellationToken);
            File.Move(partial, archivePath, overwrite: true);
            return manifest;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Restores an archive into this site's data folder and database, which must be empty unless <paramref name="force"/>.</summary>
    /// <remarks>Called before start-up has created or migrated anything; the next start migrates the restored database if
    /// the backup came from an older version.</remarks>
    /// <exception cref="BackupArchiveException">The archive is refused, or the target is not empty; nothing was written.</exception>
    public async Task<BackupManifest> RestoreAsync(string archivePath, bool force, CancellationToken cancellationToken)
    {
        archivePath = Path.GetFullPath(archivePath);
        var manifest = await BackupArchive.VerifyAsync(archivePath, cancellationToken);
        if (!string.Equals(manifest.Provider, Provider.ToString(), StringComparison.Ordinal))
        {
            throw new BackupArchiveException($"Bản sao lưu là của cơ sở dữ liệu {manifest.Provider}, trang này dùng {Provider}: khôi phục vào cùng loại cơ sở dữ liệu.");
        }

        var known = db.Database.GetMigrations().ToList();
        if (manifest.Schema.Length > 0 && !known.Contains(manifest.Schema, StringComparer.Ordinal))
        {
            throw new BackupArchiveException($"Bản sao lưu có lược đồ '{manifest.Schema}' mà phiên bản này không biết (bản sao lưu từ phiên bản mới hơn): hãy cài phiên bản đó rồi khôi phục.");
        }

        var occupied = await OccupiedAsync(archivePath, cancellationToken);
        if (occupied is not null && !force)
        {
            throw new BackupArchiveException($"Không khôi phục đè lên trang đang có dữ liệu ({occupied}). Khôi phục vào thư mục dữ liệu và cơ sở dữ liệu trống, hoặc thêm --force để xoá dữ liệu hiện có và thay bằng bản sao lưu.");
        }

        if (occupied is not null)
        {
            await ClearAsync(archivePath, cancellationToken);
        }

        Directory.CreateDirectory(DataPath);
        var staging = Directory.CreateTempSubdirectory("cucthongke-restore").FullName;
        try
        {
            var settingsFolder = Path.Combine(DataPath, "restored-settings");
            await BackupArchive.ExtractAsync(archivePath, name => name switch
            {
                _ when name.StartsWith("database/", StringComparison.Ordinal) => Path.Combine(staging, name["database/".Length..]),
                _ when name.StartsWith("settings/", StringComparison.Ordinal) => Path.Combine(settingsFolder, name["settings/".Length..]),
                _ => Path.Combine(DataPath, name["data/".Length..].Replace('/', Path.DirectorySeparatorChar)),
            }, cancellationToken);

            if (Provider == DatabaseProvider.Postgres)
            {
                await RunPostgresToolAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", Path.Combine(staging, "cucthongke.dump")], cancellationToken);
            }
            else
            {
                File.Move(Path.Combine(staging, SqliteFileName), SqliteFile, overwrite: true);
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }

        return manifest;
    }

    /// <summary>Keeps the <paramref name="keep"/> newest archives of <see cref="Folder"/> and deletes the others.</summary>
    public IReadOnlyList<string> Prune(int keep)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var old = Directory.EnumerateFiles(Folder, "cucthongke-*.tar.gz").Order(StringComparer.Ordinal).Reverse().Skip(Math.Max(1, keep)).ToList();
        old.ForEach(File.Delete);
        return old;
    }

    /// <summary>The newest archive in <see cref="Folder"/>, by its name.</summary>
    public string? Newest() => Directory.Exists(Folder)
        ? Directory.EnumerateFiles(Folder, "cucthongke-*.tar.gz").Order(StringComparer.Ordinal).LastOrDefault()
        : null;

    private string SqliteFile => db.Database.GetDbConnection() is SqliteConnection c && c.DataSource.Length > 0
        ? Path.GetFullPath(c.DataSource)
        : Path.Combine(DataPath, SqliteFileName);

    private static string Version =>
        typeof(SiteBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    private async Task<string> SchemaAsync(CancellationToken cancellationToken) =>
        (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault() ?? "";

    /// <summary>SQLite's online backup: a consistent copy while the site goes on reading and writing.</summary>
    private async Task<IReadOnlyDictionary<string, long>> BackUpSqliteAsync(string copy, CancellationToken cancellationToken)
    {
        await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
        await using (var target = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            await source.OpenAsync(cancellationToken);
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
        }

        await using var counted = new SqliteConnection($"Data Source={copy};Mode=ReadWrite;Pooling=False");
        await counted.OpenAsync(cancellationToken);
        // One file, no WAL beside it: the archive holds the whole database.
        await using (var journal = counted.CreateCommand())
        {
            journal.CommandText = "PRAGMA journal_mode=DELETE;";
            await journal.ExecuteNonQueryAsync(cancellationToken);
        }

        return await CountRowsAsync(counted, cancellationToken);
    }

    /// <summary>Rows per table of the site's model (the manifest's counts, read back after a restore).</summary>
    private async Task<IReadOnlyDictionary<string, long>> CountRowsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                // Table names come from the model, never from input.
#pragma warning disable CA2100
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
#pragma warning restore CA2100
                counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        return counts;
    }

    /// <summary>Why the target is not empty, or null when it is: a database with tables, or files in the data folder.</summary>
    private async Task<string?> OccupiedAsync(string archivePath, CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
            {
                return $"cơ sở dữ liệu '{connection.Database}' đã có bảng";
            }
        }
        else if (File.Exists(SqliteFile) && new FileInfo(SqliteFile).Length > 0)
        {
            return $"đã có tệp cơ sở dữ liệu '{SqliteFile}'";
        }

        var file = DataFiles(DataPath, archivePath).FirstOrDefault();
        return file is null ? null : $"thư mục dữ liệu đã có tệp '{file}'";
    }

    /// <summary>Empties the target for a forced restore: the database, and the data folder but for backups and the archive itself.</summary>
    private async Task ClearAsync(string archivePath, CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(SqliteFile + suffix);
            }
        }

        if (Directory.Exists(DataPath))
        {
            var keep = new[] { Path.Combine(DataPath, "backups"), Folder }.Select(Path.GetFullPath).ToList();
            foreach (var folder in Directory.EnumerateDirectories(DataPath).Where(d => !keep.Contains(Path.GetFullPath(d)) && !IsUnder(archivePath, d)))
            {
                Directory.Delete(folder, recursive: true);
            }

            foreach (var file in Directory.EnumerateFiles(DataPath).Where(f => Path.GetFullPath(f) != archivePath))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The data folder's files a backup carries: all but the database's own files and the rebuilt folders.</summary>
    private IEnumerable<string> DataFiles(string root, string archivePath)
    {
        if (!Directory.Exists(root))
        {
            yield break;
        }

        var skipped = RebuiltFolders.Select(f => Path.Combine(root, f)).Append(Folder).ToList();
        var database = Path.Combine(root, SqliteFileName);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var full = Path.GetFullPath(file);
            if (full == archivePath || full.StartsWith(database, StringComparison.Ordinal) || skipped.Any(s => IsUnder(full, s))
                || Path.GetFileName(full).StartsWith(".write-test-", StringComparison.Ordinal))
            {
                continue;
            }

            yield return full;
        }
    }

    private static bool IsUnder(string path, string folder) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Runs <c>pg_dump</c> or <c>pg_restore</c> against the site's database (its connection given through the
    /// environment, so the password is never on a command line).</summary>
    private async Task RunPostgresToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var executable = FindPostgresTool(tool) ?? throw new BackupArchiveException(
            $"Không tìm thấy '{tool}' (gói Debian postgresql-client): cài gói đó hoặc đặt Cms:Backup:PostgresBinPath tới thư mục chứa nó. Không có gì được ghi.");
        var connection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments.Prepend("--dbname=" + connection.Database))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password ?? "";
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new IOException($"{tool} dừng với mã {process.ExitCode}: {(await errors).Trim()}");
        }
    }

    private string? FindPostgresTool(string tool)
    {
        var configured = backupOptions.Value.PostgresBinPath;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.Combine(configured, tool);
            return File.Exists(path) ? path : null;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool)).FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }

        const string Debian = "/usr/lib/postgresql";
        return Directory.Exists(Debian)
            ? Directory.EnumerateDirectories(Debian)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var major) ? major : 0)
                .Select(d => Path.Combine(d, "bin", tool)).FirstOrDefault(File.Exists)
            : null;
    }
}
