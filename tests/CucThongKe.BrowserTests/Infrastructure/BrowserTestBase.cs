using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser.Infrastructure;

/// <summary>A live site and a Chromium for one test, both gone after it.</summary>
public abstract class BrowserTestBase : IAsyncLifetime
{
    private IPlaywright _playwright = null!;

    protected LiveSite Site { get; private set; } = null!;

    protected IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = await LiveSite.StartAsync();
        (_playwright, Browser) = await Browsers.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Site.DisposeAsync();
    }
}
