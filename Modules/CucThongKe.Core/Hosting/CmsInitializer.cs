using System.Data.Common;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Settings;
using CucThongKe.Core.Setup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CucThongKe.Core.Hosting;

/// <summary>Start-up checks and work: a writable data folder, a reachable and migrated database, a set-up site.</summary>
/// <remarks>Failures are told in one clear sentence, not a stack trace: an operator reads them.</remarks>
public static class CmsInitializer
{
    public static async Task<bool> InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default) =>
        await InitializeAsync(services, Console.Error, cancellationToken);

    /// <param name="errors">Where an operator reads why start-up failed (standard error).</param>
    public static async Task<bool> InitializeAsync(IServiceProvider services, TextWriter errors, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("CucThongKe.Startup");
        var options = services.GetRequiredService<IOptions<CmsOptions>>().Value;
        var environment = services.GetRequiredService<IWebHostEnvironment>();
        var dataPath = options.ResolveDataPath(environment.ContentRootPath);

        if (!EnsureWritable(dataPath, out var reason))
        {
            Fail(logger, errors, $"Thư mục dữ liệu '{dataPath}' không ghi được ({reason}). Sửa quyền ghi hoặc đặt Cms:DataPath tới một thư mục ghi được.");
            return false;
        }

        if (!CheckNodes(services, options, dataPath, logger, errors))
        {
            return false;
        }

        foreach (var check in services.GetServices<IStartupCheck>())
        {
            if (await check.CheckAsync(cancellationToken) is { } refusal)
            {
                Fail(logger, errors, refusal);
                return false;
            }
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        try
        {
            // Migrating takes a lock and compares the model with the last migration's even when nothing is pending
            // (a quarter of a second of start-up): one read of the history table says whether there is anything to do.
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            services.GetRequiredService<MigrationsState>().AllApplied = true;
            if (db.Database.IsSqlite())
            {
                // WAL lets readers go on while one writer writes; the setting is kept in the database file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            Fail(logger, errors, $"Không kết nối hoặc không cập nhật được cơ sở dữ liệu ({options.Database.Provider}): {ex.Message}");
            return false;
        }

        var setup = scope.ServiceProvider.GetRequiredService<SetupService>();
        if (!await setup.IsSetUpAsync(cancellationToken))
        {
            try
            {
                await setup.SetupAsync(options.Setup, cancellationToken);
            }
            catch (RecipeException ex)
            {
                Fail(logger, errors, "Không cài đặt được trang: " + ex.Message);
                return false;
            }
        }

        await SiteUpgrades.RunAsync(services, cancellationToken);

        var site = await scope.ServiceProvider.GetRequiredService<SettingsStore>().GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken);
        if (PublicAddress.Of(site) is null)
        {
            logger.LogWarning("{Warning}", PublicAddress.MissingWarning);
        }

        return true;
    }

    /// <summary>With several nodes (<c>Cms:Cluster:MultipleNodes</c>), refuses what one node alone can use and warns about what
    /// each node keeps to itself.</summary>
    private static bool CheckNodes(IServiceProvider services, CmsOptions options, string dataPath, ILogger logger, TextWriter errors)
    {
        var cluster = services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        if (!cluster.MultipleNodes)
        {
            return true;
        }

        var onSqlite = options.Database.Provider == DatabaseProvider.Sqlite;
        var noRedis = string.IsNullOrWhiteSpace(cluster.Redis);
        if (onSqlite || noRedis)
        {
            Fail(logger, errors, MultipleNodesWithout(postgres: onSqlite, redis: noRedis));
            return false;
        }

        // The media folder store is right only when every node mounts the same folder there (Media's Cms:Media:Store,
        // read by name: Core knows no module).
        if (!string.Equals(services.GetRequiredService<IConfiguration>()["Cms:Media:Store"], "Database", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning(
                "Cms:Cluster:MultipleNodes: ảnh và tài liệu tải lên nằm trong '{Media}' trên đĩa của nút này; thư mục đó phải là thư mục dùng chung (NFS...) gắn vào mọi nút, hoặc đặt Cms:Media:Store=Database để giữ tệp trong cơ sở dữ liệu.",
                Path.Combine(dataPath, "media"));
        }

        return true;
    }

    /// <summary>What several nodes lack (PostgreSQL, Redis or both), in the one sentence start-up prints.</summary>
    public static string MultipleNodesWithout(bool postgres, bool redis)
    {
        var missing = (postgres, redis) switch
        {
            (true, true) => "PostgreSQL (Cms:Database:Provider=Postgres, không phải SQLite) và Redis (Cms:Cluster:Redis)",
            (true, false) => "PostgreSQL (Cms:Database:Provider=Postgres, không phải SQLite)",
            _ => "Redis (Cms:Cluster:Redis)",
        };
        return $"Cms:Cluster:MultipleNodes bật nhưng thiếu {missing}: nhiều nút phải dùng chung một cơ sở dữ liệu PostgreSQL " +
            "(SQLite là một tệp trên đĩa của một máy) và một máy Redis (xoá trang đệm, đếm giới hạn truy cập, ai đang sửa bài); " +
            "hãy cấu hình cả hai hoặc chạy một nút.";
    }

    private static void Fail(ILogger logger, TextWriter errors, string message)
    {
        logger.LogCritical("{Message}", message);
        errors.WriteLine(message);
    }

    private static bool EnsureWritable(string path, out string reason)
    {
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            reason = "";
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            reason = ex.Message;
            return false;
        }
    }
}
