using CucThongKe.Core.Hosting;
using CucThongKe.Core.Recipes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Browser.Infrastructure;

/// <summary>The real site on Kestrel at 127.0.0.1 on a free port, over its own SQLite database, for a real browser.</summary>
public sealed class LiveSite : IAsyncDisposable
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "Admin@2026!browser";

    private readonly WebApplication _app;

    private LiveSite(WebApplication app, string dataPath, string baseUrl)
    {
        _app = app;
        DataPath = dataPath;
        BaseUrl = baseUrl;
    }

    public string DataPath { get; }

    public string BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LiveSite> StartAsync(params string[] settings)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "cucthongke-browser", Guid.NewGuid().ToString("N"));
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            // The host's name finds its static-web-assets manifest (modules' and themes' wwwroot) in this folder.
            "--applicationName=CucThongKe.Web",
            "--environment=Production",
            "--Cms:DataPath=" + dataPath,
            "--Cms:Setup:AdminPassword=" + AdminPassword,
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        var app = Program.BuildSite(args);
        app.UseCms();
        if (!await CmsInitializer.InitializeAsync(app.Services))
        {
            throw new InvalidOperationException("The site did not start; see the log above.");
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LiveSite(app, dataPath, address.TrimEnd('/'));
    }

    /// <summary>Runs a recipe from the test project's TestRecipes folder, as a migration on the command line (with the import flag) would.</summary>
    public async Task RunRecipeAsync(string file)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var recipe = RecipeHarvester.ReadFile(Path.Combine(AppContext.BaseDirectory, "TestRecipes", file));
        await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, RecipeRunOptions.CommandLine("cli:kiem-thu", legacyImport: true));
    }

    /// <summary>Puts a file into the media library folder, where attachments point.</summary>
    public async Task WriteMediaFileAsync(string path, byte[] content)
    {
        var full = Path.Combine(DataPath, "media", path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, content);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean: a file still open in a closing background thread.
        }
    }
}
