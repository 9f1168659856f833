using CucThongKe.Core.Hosting;

namespace CucThongKe.Tests.Site;

/// <summary>
/// One site for the tests of a class that only read it (an xunit class fixture): started and arranged once per class
/// instead of once per test. Only for tests that neither write (no saves, sign-ins, form posts) nor assert that
/// nothing changed; those keep their own site (<see cref="SiteTestBase"/>'s <c>Site</c>). Tests of one class run one
/// after the other, so the site is never used by two tests at once.
/// </summary>
public sealed class SharedSite : IDisposable
{
    private readonly Lock _gate = new();
    private Task<TestSite>? _site;

    /// <summary>The class's site, started and arranged by the first test that asks; a failed arrangement fails every
    /// test that asks, with its exception.</summary>
    public Task<TestSite> GetAsync(DatabaseProvider provider, Func<TestSite, Task> arrange)
    {
        lock (_gate)
        {
            return _site ??= StartAsync(provider, arrange);
        }
    }

    private static async Task<TestSite> StartAsync(DatabaseProvider provider, Func<TestSite, Task> arrange)
    {
        var site = new TestSite(provider);
        try
        {
            _ = site.Services;
            await arrange(site);
            return site;
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
            _site.Result.Dispose();
        }
    }
}
