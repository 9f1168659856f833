using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright; a test that needs it fails with a message saying how to get it.</summary>
public static class Browsers
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Debian's headless shell of the same Chromium (package 'chromium-headless-shell'), used when installed: what
    /// Playwright itself runs for headless tests. The full browser's headless mode keeps its browser-window machinery
    /// and started twice as many renderer processes; the lane took about a third more CPU with it.</summary>
    public const string HeadlessShellPath = "/usr/bin/chromium-headless-shell";

    /// <summary>One Chromium for the whole run: starting it took a second or two of both cores per test class, and a
    /// browser context per test isolates cookies and storage as well as a browser of its own did.</summary>
    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A session on the run's one Chromium: contexts of its own, closed when it ends.</summary>
    public static async Task<BrowserSession> OpenSessionAsync() => new(await Shared.Value);

    private static async Task<IBrowser> LaunchSharedAsync()
    {
        var executable = File.Exists(HeadlessShellPath) ? HeadlessShellPath : ChromiumPath;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Browser tests need Chromium at {ChromiumPath}: run the README's test command (./build/test.sh), which installs Debian's 'chromium' package, or 'apt-get install chromium chromium-headless-shell'.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
        });

        // xunit 2 has no end-of-run hook: the browser closes when the test host exits.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                browser.CloseAsync().Wait(TimeSpan.FromSeconds(10));
                playwright.Dispose();
            }
            catch (Exception ex) when (ex is AggregateException or PlaywrightException or ObjectDisposedException)
            {
                // Already gone with its driver: nothing left to close.
            }
        };
        return browser;
    }

    /// <summary>axe-core's script, as Deque's package bundles it.</summary>
    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>axe on the whole page, its frames included, keeping what is serious or critical as one line each.</summary>
    /// <remarks>Only violations are collected (axe's own performance option: the passing, inapplicable and incomplete
    /// checks are not gathered with their HTML and selectors). The rules that can only find minor or moderate problems
    /// (the rule's impact and every one of its checks' impacts minor or moderate; a violation's impact is the highest of
    /// its failed checks') are left out: their findings were thrown away, and the serious and critical ones are the
    /// same. Every rule runs if axe's metadata is not where this looks for it.</remarks>
    private const string RunAxeScript = """
        async () => {
            const low = new Set(['minor', 'moderate']);
            const audit = window.axe._audit;
            const rules = {};
            if (audit && Array.isArray(audit.rules) && audit.data && audit.data.checks) {
                const impact = check => (audit.data.checks[typeof check === 'string' ? check : check && check.id] || {}).impact;
                for (const rule of audit.rules) {
                    const checks = [...(rule.any || []), ...(rule.all || []), ...(rule.none || [])];
                    if (low.has(rule.impact) && checks.every(check => low.has(impact(check)))) {
                        rules[rule.id] = { enabled: false };
                    }
                }
            }
            const results = await window.axe.run(document, { resultTypes: ['violations'], iframes: true, rules });
            return results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map(n => n.html).join(' | ')}`);
        }
        """;

    /// <summary>Fails when the page is wider than its window (it scrolls sideways), naming the element reaching furthest right.</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var (scroll, width) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        if (scroll > width)
        {
            // The deepest element reaching furthest right, to say what to fix.
            var widest = await page.EvaluateAsync<string>(
                "() => { let best = null, right = 0; for (const e of document.body.querySelectorAll('*')) { const r = e.getBoundingClientRect().right; if (r > right + 0.5 || (best && best.contains(e) && r >= right - 0.5)) { right = Math.max(right, r); best = e; } } return best ? best.outerHTML.slice(0, 200) + ' (right edge ' + Math.round(right) + ' px)' : ''; }");
            Assert.Fail($"{page.Url} scrolls sideways at {width} px: it is {scroll} px wide; widest: {widest}");
        }
    }

    /// <summary>The serious and critical accessibility violations axe finds on the page and its frames (none expected).</summary>
    /// <remarks>axe is put into each frame that lacks it and runs in the page itself (<c>axe.run</c>, reaching the frames
    /// through its own messages), not as Deque's <c>RunAxe</c> does it: that runs each frame's part and then combines
    /// the parts in a new blank page, which on Chromium is a new browser context with new renderer processes and a fresh
    /// copy of axe's 650 KB script on every check: more than a third of the browser lane's CPU. The findings are the
    /// same; the blank page only guards against a page that replaces JavaScript's built-ins, which this site's do not.</remarks>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        foreach (var frame in page.Frames)
        {
            if (!await frame.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            {
                await frame.EvaluateAsync(AxeScript.Value);
            }
        }

        var violations = await page.EvaluateAsync<string[]>(RunAxeScript);
        return [.. violations.Select(v => $"{page.Url}: {v}")];
    }
}

/// <summary>A test's (or a fixture's) part of the shared Chromium: every page opens in a context of its own (cookies,
/// storage), as in a browser of its own; <see cref="DisposeAsync"/> closes them all.</summary>
public sealed class BrowserSession(IBrowser browser) : IAsyncDisposable
{
    /// <summary>How long a navigation or an action may take: Playwright's 30 s was once not enough for the first render
    /// of the back-office dashboard in a site sharing two cores with the integration tests and another machine's load
    /// (a clean-clone CI run, 2026-12-07). What each test checks is unchanged; a page that never comes still fails.</summary>
    private const float ActionTimeoutMs = 60_000;

    private readonly List<IBrowserContext> _contexts = [];

    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options);
        Keep(context);
        return context;
    }

    /// <summary>A page in a new context of its own, as <see cref="IBrowser.NewPageAsync"/>.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewPageOptions? options = null)
    {
        var page = await browser.NewPageAsync(options);
        Keep(page.Context);
        return page;
    }

    private void Keep(IBrowserContext context)
    {
        context.SetDefaultTimeout(ActionTimeoutMs);
        lock (_contexts)
        {
            _contexts.Add(context);
        }
    }

    public async ValueTask DisposeAsync()
    {
        IBrowserContext[] contexts;
        lock (_contexts)
        {
            contexts = [.. _contexts];
            _contexts.Clear();
        }

        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }
}
