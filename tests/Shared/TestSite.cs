using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CucThongKe.Tests;

/// <summary>The real site over its own fresh database (a SQLite file in a temp folder, or a new PostgreSQL database).</summary>
public sealed class TestSite : WebApplicationFactory<Program>
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "Admin@2026!test";

    private readonly string? _postgresDatabase;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly bool _ownsDataPath;
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="settings">Configuration for this site; by default no role needs two-factor sign-in, so tests sign in with a password.</param>
    /// <param name="dataPath">A data folder the caller owns (kept on dispose), to restart a node over its files.</param>
    /// <param name="sharedConnectionString">Another site's database, to run a second node over it (never dropped here).</param>
    public TestSite(
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        string? setupRecipe = null,
        Action<IServiceCollection>? configureServices = null,
        string? dataPath = null,
        string? sharedConnectionString = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        Provider = provider;
        _ownsDataPath = dataPath is null;
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "cucthongke-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
        SetupRecipe = setupRecipe ?? Path.Combine(AppContext.BaseDirectory, "Recipes", "cucthongke-thainguyen.recipe.json");
        _configureServices = configureServices;
        if (sharedConnectionString is not null)
        {
            ConnectionString = sharedConnectionString;
        }
        else if (provider == DatabaseProvider.Postgres)
        {
            _postgresDatabase = "cms_test_" + Guid.NewGuid().ToString("N")[..16];
            ConnectionString = TestPostgres.CreateDatabase(_postgresDatabase);
        }
    }

    public DatabaseProvider Provider { get; }

    public string DataPath { get; }

    public string SetupRecipe { get; }

    public string? ConnectionString { get; }

    /// <summary>The connection string another node needs to share this site's database.</summary>
    public string SharedConnectionString => ConnectionString ?? $"Data Source={Path.Combine(DataPath, "cucthongke.db")};Foreign Keys=True;Default Timeout=30";

    /// <summary>A scope over the site's services, for arranging data and checking what was stored.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider);
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Scope();
        await action(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Cms:DataPath", DataPath);
        builder.UseSetting("Cms:Database:Provider", Provider.ToString());
        builder.UseSetting("Cms:Setup:Recipe", SetupRecipe);
        builder.UseSetting("Cms:Setup:AdminUserName", AdminUserName);
        builder.UseSetting("Cms:Setup:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Cms:Security:RequireTwoFactorForRoles", "");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (ConnectionString is not null)
        {
            builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        }

        if (_configureServices is not null)
        {
            builder.ConfigureServices(_configureServices);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            NpgsqlConnection.ClearAllPools();
            if (_postgresDatabase is not null)
            {
                TestPostgres.DropDatabase(_postgresDatabase);
            }

            try
            {
                if (_ownsDataPath)
                {
                    Directory.Delete(DataPath, recursive: true);
                }
            }
            catch (IOException)
            {
                // A file still held open by a background thread; the temp folder is cleaned by the OS.
            }
        }
    }
}

/// <summary>The PostgreSQL server the test command started (CMS_TEST_POSTGRES), or a clear failure saying how to get one.</summary>
public static class TestPostgres
{
    public const string Variable = "CMS_TEST_POSTGRES";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"PostgreSQL tests need a server: run the README's test command (./build/test.sh), which installs PostgreSQL from Debian packages and starts a throw-away server, " +
                $"or set {Variable} to a connection string of a server where the user may create databases.");

    public static string CreateDatabase(string name)
    {
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", connection);
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    public static void DropDatabase(string name)
    {
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
