using CucThongKe.Tests.Browser.Pages;
using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser.Infrastructure;

/// <summary>A test over a live site, in browser contexts of its own on the run's one Chromium. The site is the test's
/// own, started before and stopped after it, unless the class is given a site shared by its collection
/// (<see cref="PeopleSite"/>): then <see cref="Settings"/> and <see cref="PrepareAsync"/> are the fixture's.</summary>
public abstract class LiveSiteTest(LiveSite? sharedSite = null) : IAsyncLifetime
{
    protected LiveSite Site { get; private set; } = null!;

    protected BrowserSession Browser { get; private set; } = null!;

    /// <summary>Configuration for the site, as command-line settings (<c>--Key=value</c>).</summary>
    protected virtual string[] Settings => [];

    /// <summary>What the test needs on the site before it starts (people, content).</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        if (sharedSite is null)
        {
            Site = await LiveSite.StartAsync(Settings);
            await PrepareAsync();
        }
        else
        {
            Site = sharedSite;
        }

        Browser = await Browsers.OpenSessionAsync();
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
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        if (sharedSite is null && Site is not null)
        {
            await Site.DisposeAsync();
        }
    }
}

/// <summary>A site with the chain's people (workflow-people recipe) and no two-factor sign-in, shared by the back-office
/// tests of <see cref="Collection"/>: each signs in its own people in its own contexts and writes items of its own.</summary>
/// <remarks>Two such sites, each shared by half of the journeys (<see cref="CitizensSite"/>): one site made the
/// journeys run one after the other for six minutes, the longest lane of the run, while the two sites' journeys
/// overlap (a journey spends much of its time waiting for pages and for the forms' anti-spam delay).</remarks>
public class PeopleSite : IAsyncLifetime
{
    public const string Collection = "Site with the chain's people";

    public LiveSite Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Two-factor sign-in has its own journey (EditorJourneyTests).
        Site = await LiveSite.StartAsync("--Cms:Security:RequireTwoFactorForRoles=");
        await Site.RunRecipeAsync("workflow-people.recipe.json");
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

/// <summary>The second <see cref="PeopleSite"/>: the citizens' journeys and the content desk.</summary>
public sealed class CitizensSite : PeopleSite
{
    public new const string Collection = "Second site with the chain's people";
}

[CollectionDefinition(PeopleSite.Collection)]
public sealed class PeopleSiteCollection : ICollectionFixture<PeopleSite>;

[CollectionDefinition(CitizensSite.Collection)]
public sealed class CitizensSiteCollection : ICollectionFixture<CitizensSite>;
