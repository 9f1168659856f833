using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CucThongKe.Core.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CucThongKe.Tests;

/// <summary>
/// Set-up databases built once per test run and copied for each <see cref="TestSite"/>: migrating and running the
/// setup recipe took most of a site's start. A template is keyed by everything that shapes the setup: the provider,
/// the setup recipe (path and content), the administrator and every setting the site is given (extra recipes named
/// in them included, by content). The copy holds what the setup stored; the data folder (keys, search index,
/// media) starts empty, as the setup leaves it but for the search index, which a site builds from the database.
/// </summary>
/// <remarks>A setup that fails (a test about a broken recipe) leaves no template: that site runs the setup itself and
/// fails as it would without templates. A class whose every test first arranges the same data (a recipe, sign-ins,
/// items) can go one step further with an arranged template (<see cref="ArrangedAsync{T}"/>).</remarks>
internal static class TestTemplates
{
    private static readonly ConcurrentDictionary<string, Lazy<string?>> Built = new();
    private static readonly ConcurrentDictionary<string, Lazy<Task<object>>> Arranged = new();
    private static readonly ConcurrentBag<string> PostgresTemplates = [];
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "cucthongke-tests", $"templates-{Environment.ProcessId}-{Guid.NewGuid():N}");

    private static readonly Lazy<bool> StaleDropped = new(DropStale);

    static TestTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAll();

    /// <summary>The template for this setup: a SQLite file to copy, or a PostgreSQL database name to create from; null when there is none.</summary>
    public static string? For(DatabaseProvider provider, string setupRecipe, IReadOnlyDictionary<string, string> settings)
    {
        // Settings that move the database elsewhere would make the copy land where the site does not look.
        if (!File.Exists(setupRecipe) || settings.Keys.Any(k =>
                k.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase) ||
                k.Equals("Cms:DataPath", StringComparison.OrdinalIgnoreCase) ||
                k.StartsWith("Cms:Database:", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var key = Key(provider, setupRecipe, settings);
        return Built.GetOrAdd(key, k => new Lazy<string?>(() => Build(provider, setupRecipe, settings, k))).Value;
    }

    /// <summary>
    /// A set-up site on which <paramref name="arrange"/> ran once per test run, stopped, its whole data folder kept (the
    /// database with the write-ahead log folded in, media, search index): each <see cref="TestSite.FromArranged{T}"/>
    /// starts on a copy of it, so a test skips the arrangement but still has a site of its own. What the arrangement
    /// hands back (ids, cookie jars of the people it signed in: the key ring is in the database, so their cookies and
    /// antiforgery tokens hold on every copy) comes with it.
    /// </summary>
    /// <param name="name">The arrangement's name, unique per test class (it keys the template with the settings).</param>
    /// <remarks>SQLite only: a class whose subject is not the database needs no PostgreSQL twin. A failed arrangement
    /// fails every test that asks, with its exception.</remarks>
    public static async Task<ArrangedTemplate<T>> ArrangedAsync<T>(string name, IReadOnlyDictionary<string, string>? settings, Func<TestSite, Task<T>> arrange)
    {
        settings ??= new Dictionary<string, string>();
        var setupRecipe = Path.Combine(AppContext.BaseDirectory, "Recipes", "cucthongke-thainguyen.recipe.json");
        var key = "arranged-" + Key(DatabaseProvider.Sqlite, setupRecipe, settings.Append(new("arrangement", name)).ToDictionary());
        var built = Arranged.GetOrAdd(key, k => new Lazy<Task<object>>(async () =>
        {
            var folder = Path.Combine(Root, k);
            var site = new TestSite(DatabaseProvider.Sqlite, setupRecipe, dataPath: folder, settings: settings);
            T state;
            try
            {
                _ = site.Services;
                state = await arrange(site);
            }
            finally
            {
                // Stops the site (the folder is the caller's, so it stays): its background loops and the search index let go of their files.
                site.Dispose();
            }

            FoldWriteAheadLog(site.SqliteFile);
            return new ArrangedTemplate<T>(folder, settings, state!);
        }));
        return (ArrangedTemplate<T>)await built.Value;
    }

    private static string Key(DatabaseProvider provider, string setupRecipe, IReadOnlyDictionary<string, string> settings)
    {
        var text = new StringBuilder()
            .Append(provider).Append('\n')
            .Append(Path.GetFullPath(setupRecipe)).Append('\n')
            .Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(setupRecipe)))).Append('\n')
            .Append(TestSite.AdminUserName).Append('\n')
            .Append(TestSite.AdminPassword).Append('\n');
        foreach (var (name, value) in settings.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('=').Append(value).Append('\n');
            if (name.StartsWith("Cms:Setup:", StringComparison.OrdinalIgnoreCase) && File.Exists(value))
            {
                text.Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(value)))).Append('\n');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    }

    private static string? Build(DatabaseProvider provider, string setupRecipe, IReadOnlyDictionary<string, string> settings, string key)
    {
        var folder = Path.Combine(Root, key);
        Directory.CreateDirectory(folder);
        string? postgresName = null;
        string? connectionString = null;
        if (provider == DatabaseProvider.Postgres)
        {
            _ = StaleDropped.Value;
            postgresName = $"cms_tpl_{key}_{Environment.ProcessId}";
            connectionString = TestPostgres.CreateDatabase(postgresName);
            PostgresTemplates.Add(postgresName);
        }

        string sqliteFile;
        try
        {
            using var site = TestSite.ForTemplate(provider, setupRecipe, folder, connectionString, settings);
            _ = site.Services; // migrations and the setup recipe
            sqliteFile = site.SqliteFile;
        }
        catch (Exception)
        {
            return null;
        }

        if (postgresName is not null)
        {
            // CREATE DATABASE ... TEMPLATE needs the template without connections: close its pooled ones (only its
            // own: other sites' pools stay warm).
            TestPostgres.ClearPool(connectionString!);
            return postgresName;
        }

        FoldWriteAheadLog(sqliteFile);
        var template = Path.Combine(Root, key + ".db");
        File.Copy(sqliteFile, template);
        return template;
    }

    /// <summary>One self-contained file: the write-ahead log folded in, so a plain copy is the whole database.</summary>
    private static void FoldWriteAheadLog(string sqliteFile)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={sqliteFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
        command.ExecuteNonQuery();
    }

    /// <summary>Drops the templates of earlier runs whose test process is gone (the runner may end it before
    /// <see cref="DropAll"/> runs), so a long-lived server (CMS_TEST_POSTGRES) does not collect them.</summary>
    private static bool DropStale()
    {
        var names = new List<string>();
        using (var connection = new NpgsqlConnection(TestPostgres.ServerConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'cms\\_tpl\\_%'", connection);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            if (int.TryParse(name[(name.LastIndexOf('_') + 1)..], out var pid) && pid != Environment.ProcessId && !IsRunning(pid))
            {
                TestPostgres.DropDatabase(name);
            }
        }

        return true;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void DropAll()
    {
        foreach (var name in PostgresTemplates)
        {
            try
            {
                TestPostgres.DropDatabase(name);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The server is gone already; the throw-away server goes with its folder.
            }
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned with the temp folder.
        }
    }
}

/// <summary>An arranged site's data folder (<see cref="TestTemplates.ArrangedAsync{T}"/>), the settings it was made with,
/// and what its arrangement handed back.</summary>
internal sealed record ArrangedTemplate<T>(string Folder, IReadOnlyDictionary<string, string> Settings, T State);
