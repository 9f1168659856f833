using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser.Infrastructure;

/// <summary>A test over its own live site and Chromium, started before and stopped after the test.</summary>
public abstract class LiveSiteTest : IAsyncLifetime
{
    protected LiveSite Site { get; private set; } = null!;

    protected IBrowser Browser { get; private set; } = null!;

    private IPlaywright _playwright = null!;

    /// <summary>Configuration for the site, as command-line settings (<c>--Key=value</c>).</summary>
    protected virtual string[] Settings => [];

    /// <summary>What the test needs on the site before it starts (people, content).</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Site = await LiveSite.StartAsync(Settings);
        await PrepareAsync();
        (_playwright, Browser) = await Browsers.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Site.DisposeAsync();
    }
}
