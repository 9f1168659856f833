using CucThongKe.Tests.Browser.Pages;
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

    /// <summary>Serious and critical accessibility violations found by <see cref="CheckAccessibilityAsync"/> (none expected).</summary>
    protected List<string> Violations { get; } = [];

    protected async Task CheckAccessibilityAsync(IPage page) => Violations.AddRange(await Browsers.SeriousViolationsAsync(page));

    /// <summary>Signs <paramref name="userName"/> in through the sign-in page, in a browser of their own (no two-factor for them in this site's settings).</summary>
    protected async Task<IPage> SignInAsync(string userName, string password)
    {
        var context = await Browser.NewContextAsync(new() { Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await new SignInPage(page, Site.BaseUrl).SignInAsync(userName, password);
        await page.WaitForURLAsync(Site.BaseUrl + "/admin");
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Site.DisposeAsync();
    }
}
