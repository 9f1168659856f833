using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CucThongKe.Tests.Site;

/// <summary>
/// One site for the tests of a class that only read it (an xunit class fixture): started and arranged once per class
/// instead of once per test. For tests that do not write (no saves, sign-ins, form posts), and for refusals that
/// compare the site before and after their own request (a bad recipe, a forged form: each still fails if it changed
/// anything); a test that writes, or needs a site no other test touched, keeps its own (<see cref="SiteTestBase"/>'s
/// <c>Site</c>). Tests of one class run one after the other, so the site is never used by two tests at once.
/// </summary>
public sealed class SharedSite : IDisposable
{
    private readonly Lock _gate = new();
    private Task<(TestSite Site, object? State)>? _site;

    /// <summary>The class's site, started and arranged by the first test that asks; a failed arrangement fails every
    /// test that asks, with its exception.</summary>
    public async Task<TestSite> GetAsync(DatabaseProvider provider, Func<TestSite, Task> arrange) =>
        (await GetAsync<object?>(provider, async site =>
        {
            await arrange(site);
            return null;
        })).Site;

    /// <summary>A new client (cookies of its own, redirects not followed) of the class's site, which needs no arrangement.</summary>
    public async Task<HttpClient> ClientAsync(DatabaseProvider provider) =>
        (await GetAsync(provider, _ => Task.CompletedTask)).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The same, with what the arrangement made (signed-in clients, ids of arranged items) for every test to use.</summary>
    public Task<(TestSite Site, T State)> GetAsync<T>(DatabaseProvider provider, Func<TestSite, Task<T>> arrange) =>
        GetAsync(() => Task.FromResult(new TestSite(provider)), arrange);

    /// <summary>The same on a site <paramref name="start"/> makes (a copy of an arranged template,
    /// <see cref="TestTemplates.ArrangedAsync{T}"/>) instead of a set-up one.</summary>
    internal async Task<(TestSite Site, T State)> GetAsync<T>(Func<Task<TestSite>> start, Func<TestSite, Task<T>> arrange)
    {
        Task<(TestSite Site, object? State)> started;
        lock (_gate)
        {
            started = _site ??= StartAsync(start, async site => await arrange(site));
        }

        var (site, state) = await started;
        return (site, (T)state!);
    }

    private static async Task<(TestSite, object?)> StartAsync(Func<Task<TestSite>> start, Func<TestSite, Task<object?>> arrange)
    {
        var site = await start();
        try
        {
            _ = site.Services;
            return (site, await arrange(site));
        }
        catch
        {
            site.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_site is { IsCompletedSuccessfully: true })
        {
            _site.Result.Site.Dispose();
        }
    }
}
