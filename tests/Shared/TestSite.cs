using System.Net;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CucThongKe.Tests;

/// <summary>The real site over its own fresh database (a SQLite file in a temp folder, or a new PostgreSQL database).</summary>
/// <remarks>
/// The database starts as a copy of a template set up once per test run (see <see cref="TestTemplates"/>): the first
/// site with a given setup runs the migrations and the setup recipe, later ones copy the result, so the site starts
/// already set up, as after a restart. Passwords are hashed with one PBKDF2 round (<see cref="PasswordHashIterations"/>).
/// </remarks>
public sealed class TestSite : WebApplicationFactory<Program>
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "Admin@2026!test";

    /// <summary>PBKDF2 rounds of the test sites' password hasher: the production default (100,000) costs about 80 ms
    /// per hash or check, and tests sign in thousands of times. A test about the hasher sets its own in configureServices.</summary>
    public const int PasswordHashIterations = 1;

    private readonly string? _postgresDatabase;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly bool _ownsDataPath;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly bool _fromTemplate;

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
        : this(provider, setupRecipe, configureServices, dataPath, sharedConnectionString, settings, useTemplate: true)
    {
    }

    /// <summary>A site of its own over a copy of an arranged site's data folder (<see cref="TestTemplates.ArrangedAsync{T}"/>):
    /// set up and arranged already, as after a restart.</summary>
    internal static TestSite FromArranged<T>(ArrangedTemplate<T> template, Action<IServiceCollection>? configureServices = null) =>
        new(DatabaseProvider.Sqlite, setupRecipe: null, configureServices, dataPath: null, sharedConnectionString: null, template.Settings, useTemplate: true, arrangedFolder: template.Folder);

    private TestSite(
        DatabaseProvider provider,
        string? setupRecipe,
        Action<IServiceCollection>? configureServices,
        string? dataPath,
        string? sharedConnectionString,
        IReadOnlyDictionary<string, string>? settings,
        bool useTemplate,
        string? arrangedFolder = null)
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
        else if (arrangedFolder is not null)
        {
            // The whole folder (a few files: milliseconds), its database a copy of the arranged template's.
            CopyFolder(arrangedFolder, DataPath);
            _fromTemplate = true;
        }
        else
        {
            // A database of its own: a copy of the set-up template when there is one for this setup.
            var template = useTemplate ? TestTemplates.For(provider, SetupRecipe, _settings) : null;
            _fromTemplate = template is not null;
            if (provider == DatabaseProvider.Postgres)
            {
                _postgresDatabase = "cms_test_" + Guid.NewGuid().ToString("N")[..16];
                ConnectionString = TestPostgres.CreateDatabase(_postgresDatabase, template);
            }
            else if (template is not null && !File.Exists(SqliteFile))
            {
                File.Copy(template, SqliteFile);
            }
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    /// <summary>Creates a site that runs the migrations and the setup itself (a template), kept on dispose.</summary>
    internal static TestSite ForTemplate(DatabaseProvider provider, string setupRecipe, string dataPath, string? connectionString, IReadOnlyDictionary<string, string> settings) =>
        new(provider, setupRecipe, configureServices: null, dataPath, connectionString, settings, useTemplate: false);

    internal string SqliteFile => Path.Combine(DataPath, "cucthongke.db");

    public DatabaseProvider Provider { get; }

    public string DataPath { get; }

    public string SetupRecipe { get; }

    public string? ConnectionString { get; }

    /// <summary>The connection string another node needs to share this site's database.</summary>
    public string SharedConnectionString => ConnectionString ?? $"Data Source={SqliteFile};Foreign Keys=True;Default Timeout=30";

    /// <summary>A client (redirects not followed) that keeps its cookies in <paramref name="jar"/>, so that the people an
    /// arrangement signed in can be handed to the copies of its site (<see cref="CopyOf"/>).</summary>
    public HttpClient ClientWithCookies(CookieContainer jar) => CreateDefaultClient(new CookieContainerHandler(jar));

    /// <summary>A jar of its own with the same cookies: a client on a copy of an arranged site starts signed in as on the
    /// arranged one, and what it is sent back (a renewed or cleared cookie) stays its own.</summary>
    public static CookieContainer CopyOf(CookieContainer jar)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in jar.GetAllCookies())
        {
            copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain) { Expires = cookie.Expires, HttpOnly = cookie.HttpOnly, Secure = cookie.Secure });
        }

        return copy;
    }

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

        // Before the test's own services, so a test about the hasher can set the production count back.
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashIterations));
        if (_fromTemplate)
        {
            // A copy of a template is migrated by the same code already: the template's own site compared the model
            // with the migrations (EF Core's pending-model-changes check, about 50 ms of CPU per start, a seventh of a
            // site's start) and would have failed the run. The copy still runs the migrations, which find nothing to do.
            builder.ConfigureServices(services =>
            {
                services.ConfigureDbContext<SqliteCmsDbContext>(SkipModelCheck, ServiceLifetime.Singleton);
                services.ConfigureDbContext<PostgresCmsDbContext>(SkipModelCheck, ServiceLifetime.Singleton);
            });
        }

        if (_configureServices is not null)
        {
            builder.ConfigureServices(_configureServices);
        }
    }

    /// <summary>With CMS_TEST_SITE_LOG set to a file, each started site appends a line there: the test class that started
    /// it, its provider and the start's wall time in ms, to count site starts per class (the unit of a run's cost).</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var log = Environment.GetEnvironmentVariable("CMS_TEST_SITE_LOG");
        if (string.IsNullOrEmpty(log))
        {
            return base.CreateHost(builder);
        }

        var caller = StartedBy();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var host = base.CreateHost(builder);
        var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lock (SiteLogGate)
        {
            File.AppendAllText(log, $"{caller}\t{Provider}\t{ms:F0}\n");
        }

        return host;
    }

    private static readonly Lock SiteLogGate = new();

    private static string StartedBy()
    {
        foreach (var frame in new System.Diagnostics.StackTrace().GetFrames())
        {
            var type = frame.GetMethod()?.DeclaringType;
            while (type?.DeclaringType is not null && type.Name.StartsWith('<'))
            {
                type = type.DeclaringType;
            }

            if (type?.Namespace?.StartsWith("CucThongKe.Tests", StringComparison.Ordinal) == true &&
                type != typeof(TestSite) && type.Name is not ("TestTemplates" or "SiteTestBase" or "SharedSite" or "FormRefusalSites"))
            {
                return type.Name;
            }
        }

        return "?";
    }

    private static void SkipModelCheck(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (_postgresDatabase is not null)
            {
                // Only this site's pool: ClearAllPools here (at every site's dispose, SQLite ones too) emptied every
                // other running PostgreSQL site's pool, so their next requests had to open new server connections,
                // each a new backend process that warms its caches in its database (bench/README.md, fifth round).
                TestPostgres.ClearPool(ConnectionString!);
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

    /// <param name="template">A set-up database to copy (<see cref="TestTemplates"/>); an empty one when null.</param>
    public static string CreateDatabase(string name, string? template = null)
    {
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        var sql = template is null
            ? $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"
            : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var command = new NpgsqlCommand(sql, connection);
                command.ExecuteNonQuery();
                break;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                // "source database is being accessed by other users": a pooled connection of the template's own
                // site closing late; the template is never written after it is built.
                Thread.Sleep(100);
            }
        }

        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Closes the idle pooled connections of one database, leaving every other site's pool warm.</summary>
    public static void ClearPool(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    public static void DropDatabase(string name)
    {
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
