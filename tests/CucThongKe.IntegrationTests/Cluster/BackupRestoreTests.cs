using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Backup;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;
using CucThongKe.Users.Identity;
using CucThongKe.Workflows.Instances;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CucThongKe.Tests.Cluster;

/// <summary>A site with content, versions, the workflow record, accounts and media files, backed up and restored into a fresh one.</summary>
public abstract class BackupRestoreTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    protected const string MediaPath = "media/2026/bao-cao-tong-dieu-tra.pdf";

    protected static readonly byte[] MediaBytes = "%PDF-1.4\n% Báo cáo Tổng điều tra kinh tế năm 2026\n"u8.ToArray();

    /// <summary>The site the backups come from: the demo import (items, users, the record of a legacy import) and a file.</summary>
    protected async Task<string> BackUpAsync()
    {
        // The key ring is made at the first form the site serves: before the backup, so the backup carries it.
        AssertStatus(HttpStatusCode.OK, await Client().GetAsync("/dang-nhap"));
        await RunRecipeAsync("demo-import.recipe.json");
        var media = Path.Combine(Site.DataPath, MediaPath);
        Directory.CreateDirectory(Path.GetDirectoryName(media)!);
        await File.WriteAllBytesAsync(media, MediaBytes);
        var archive = Path.Combine(Directory.CreateTempSubdirectory("cucthongke-archive").FullName, "sao-luu.tar.gz");
        var manifest = await Site.WithScopeAsync(s => s.GetRequiredService<SiteBackup>().CreateAsync(archive, default));
        Assert.Equal(1, manifest.Counts["files"]);
        return archive;
    }

    /// <summary>Runs the host's <c>restore</c> command as the command line does (<c>RunCmsAsync</c> runs it before start-up).</summary>
    protected static async Task<(int Exit, string Errors)> RestoreAsync(string dataPath, string archive, string? connectionString = null, bool force = false)
    {
        string[] settings = connectionString is null
            ? ["--Cms:DataPath=" + dataPath, "--Logging:LogLevel:Default=None"]
            : ["--Cms:DataPath=" + dataPath, "--Cms:Database:Provider=Postgres", "--ConnectionStrings:Default=" + connectionString, "--Logging:LogLevel:Default=None"];
        await using var app = Program.BuildSite(settings);
        var errors = new StringWriter();
        var exit = await CmsCommands.RunAsync(app.Services, force ? ["restore", archive, "--force"] : ["restore", archive], TextWriter.Null, errors);
        return (exit, errors.ToString());
    }

    private static Task<string> RecordOfAsync(TestSite site) => site.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<CmsDbContext>();
        var versions = await db.Set<ContentItem>().OrderBy(c => c.Id).Select(c => c.ContentItemId + "/" + c.Version + "/" + c.Published + "/" + c.Latest + "/" + c.DisplayText).ToListAsync();
        var steps = await db.Set<WorkflowStep>().OrderBy(w => w.Id).Select(w => w.ContentItemId + "/" + w.Sequence + "/" + w.Transition + "/" + w.ToState + "/" + w.UserName).ToListAsync();
        var users = await db.Set<CmsUser>().OrderBy(u => u.UserName).Select(u => u.UserName + "/" + u.PasswordHash + "/" + u.UnitId).ToListAsync();
        Assert.NotEmpty(steps);
        Assert.Contains(users, u => u.StartsWith("ctv.tonghop/", StringComparison.Ordinal));
        Assert.Contains(versions, v => v.EndsWith("/Hội nghị triển khai Tổng điều tra kinh tế năm 2026", StringComparison.Ordinal));
        return string.Join('\n', versions.Concat(steps).Concat(users));
    });

    /// <summary>Starts a site on the restored data and finds everything: every version, record entry, account and file; the
    /// key ring came along, so a sign-in cookie of the old site still opens the back office.</summary>
    protected async Task AssertRestoredAsync(TestSite restored)
    {
        Assert.Equal(await RecordOfAsync(Site), await RecordOfAsync(restored));
        Assert.Equal(MediaBytes, await File.ReadAllBytesAsync(Path.Combine(restored.DataPath, MediaPath)));

        // Signed in on the old site (before the backup's keys would matter), the cookie opens the restored one.
        using var old = Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var form = await old.GetAsync("/dang-nhap");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/dang-nhap")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = KeyRingTests.FormToken(await form.Content.ReadAsStringAsync()),
                ["Input.UserName"] = "ctv.tonghop",
                ["Input.Password"] = "Demo@2026!ctk",
            }),
        };
        post.Headers.Add("Cookie", KeyRingTests.Cookies(form));
        var signedIn = await old.SendAsync(post);
        AssertStatus(HttpStatusCode.Redirect, signedIn);
        using var onRestored = restored.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var admin = new HttpRequestMessage(HttpMethod.Get, "/admin");
        admin.Headers.Add("Cookie", KeyRingTests.Cookies(signedIn));
        AssertStatus(HttpStatusCode.OK, await onRestored.SendAsync(admin));
    }
}

public sealed class SqliteBackupRestoreTests() : BackupRestoreTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task A_backup_restored_into_a_fresh_data_folder_starts_a_site_with_every_item_version_record_entry_user_and_file()
    {
        var archive = await BackUpAsync();
        var fresh = Directory.CreateTempSubdirectory("cucthongke-restored").FullName;
        try
        {
            var (exit, errors) = await RestoreAsync(fresh, archive);
            Assert.True(exit == 0, errors);

            using var restored = new TestSite(dataPath: fresh);
            await AssertRestoredAsync(restored);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TestFolders.Delete(fresh);
            TestFolders.Delete(Path.GetDirectoryName(archive)!);
        }
    }

    [Fact]
    public async Task A_broken_truncated_or_escaping_archive_and_a_non_empty_target_are_refused_with_a_clear_message_and_nothing_written()
    {
        var archive = await BackUpAsync();
        var folder = Path.GetDirectoryName(archive)!;
        var target = Path.Combine(folder, "dich", "du-lieu");
        Directory.CreateDirectory(target);
        try
        {
            var truncated = Path.Combine(folder, "cat-cut.tar.gz");
            var bytes = await File.ReadAllBytesAsync(archive);
            await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
            var tampered = await RewriteAsync(archive, Path.Combine(folder, "bi-sua.tar.gz"), entries =>
                entries.Select(e => e.Name.StartsWith("data/media/", StringComparison.Ordinal) ? (e.Name, e.Data.Select(b => (byte)(b ^ 1)).ToArray()) : e));
            var escaping = await RewriteAsync(archive, Path.Combine(folder, "thoat-ra.tar.gz"), entries =>
                entries.Select(e => e.Name.StartsWith("data/media/", StringComparison.Ordinal) ? ("data/../../ngoai.txt", e.Data) : e), fixManifest: true);

            foreach (var (file, message) in new[]
            {
                (truncated, "hỏng hoặc bị cắt cụt"),
                (tampered, "SHA-256"),
                (escaping, "trỏ ra ngoài"),
                (Path.Combine(folder, "khong-co.tar.gz"), "Không có tệp sao lưu"),
            })
            {
                var (exit, errors) = await RestoreAsync(target, file);
                Assert.Equal(2, exit);
                Assert.Contains(message, errors, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
                Assert.Empty(Directory.EnumerateFileSystemEntries(target));
                Assert.False(File.Exists(Path.Combine(folder, "ngoai.txt")));
            }

            // A data folder that is not empty: refused without --force, replaced with it.
            await File.WriteAllTextAsync(Path.Combine(target, "cu.txt"), "dữ liệu cũ");
            var refused = await RestoreAsync(target, archive);
            Assert.Equal(2, refused.Exit);
            Assert.Contains("--force", refused.Errors, StringComparison.Ordinal);
            Assert.Equal(["cu.txt"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));

            var forced = await RestoreAsync(target, archive, force: true);
            Assert.True(forced.Exit == 0, forced.Errors);
            Assert.False(File.Exists(Path.Combine(target, "cu.txt")));
            Assert.Equal(MediaBytes, await File.ReadAllBytesAsync(Path.Combine(target, MediaPath)));
            Assert.True(new FileInfo(Path.Combine(target, SiteBackup.SqliteFileName)).Length > 0);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TestFolders.Delete(folder);
        }
    }

    /// <summary>Copies an archive with its entries changed; the manifest is kept as it was unless <paramref name="fixManifest"/>
    /// (then its sizes and checksums follow the changed entries, as a forger would write them).</summary>
    private static async Task<string> RewriteAsync(string source, string target, Func<IEnumerable<(string Name, byte[] Data)>, IEnumerable<(string Name, byte[] Data)>> change, bool fixManifest = false)
    {
        var entries = new List<(string Name, byte[] Data)>();
        await using (var input = new GZipStream(File.OpenRead(source), CompressionMode.Decompress))
        await using (var reader = new TarReader(input))
        {
            while (await reader.GetNextEntryAsync() is { } entry)
            {
                using var data = new MemoryStream();
                await entry.DataStream!.CopyToAsync(data);
                entries.Add((entry.Name, data.ToArray()));
            }
        }

        var changed = change(entries).ToList();
        if (fixManifest)
        {
            var manifest = System.Text.Json.JsonSerializer.Deserialize<BackupManifest>(changed[0].Data, CmsJson.Options)!;
            manifest = manifest with
            {
                Files = [.. changed.Skip(1).Select(e => new BackupFile(e.Name, e.Data.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(e.Data))))],
            };
            changed[0] = (changed[0].Name, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(manifest, CmsJson.Options));
        }

        await using var output = new GZipStream(File.Create(target), CompressionLevel.Fastest);
        await using var writer = new TarWriter(output, TarEntryFormat.Pax);
        foreach (var (name, data) in changed)
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
        }

        return target;
    }
}

/// <summary>The same journey through <c>pg_dump</c> and <c>pg_restore</c> (installed with the test server's packages).</summary>
public sealed class PostgresBackupRestoreTests() : BackupRestoreTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task A_backup_restored_into_an_empty_database_starts_a_site_with_every_item_version_record_entry_user_and_file()
    {
        var archive = await BackUpAsync();
        var fresh = Directory.CreateTempSubdirectory("cucthongke-restored").FullName;
        var database = "cms_test_" + Guid.NewGuid().ToString("N")[..16];
        var connectionString = TestPostgres.CreateDatabase(database);
        try
        {
            var (exit, errors) = await RestoreAsync(fresh, archive, connectionString);
            Assert.True(exit == 0, errors);

            using var restored = new TestSite(DatabaseProvider.Postgres, dataPath: fresh, sharedConnectionString: connectionString);
            await AssertRestoredAsync(restored);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            TestPostgres.DropDatabase(database);
            TestFolders.Delete(fresh);
            TestFolders.Delete(Path.GetDirectoryName(archive)!);
        }
    }
}
