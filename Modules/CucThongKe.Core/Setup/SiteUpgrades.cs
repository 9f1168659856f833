using System.Text.Json.Nodes;
using CucThongKe.Core.Data;
using CucThongKe.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Core.Setup;

/// <summary>
/// A one-off change a module makes to a site set up before the module needed it (e.g. a type setting that replaced a rule
/// on a type's name): run once per site at start-up, after setup, and recorded by <see cref="Name"/> so it never runs again.
/// </summary>
public interface ISiteUpgrade
{
    /// <summary>A stable, unique name (it is stored).</summary>
    string Name { get; }

    Task UpgradeAsync(CancellationToken cancellationToken);
}

/// <summary>Runs the upgrades a site has not run yet, each in its own unit of work with the record that it ran.</summary>
/// <remarks>
/// A site set up now runs them too, just after its setup recipe: they find the setting there and change nothing, and an
/// administrator who later removes it does not see it come back.
/// </remarks>
public static class SiteUpgrades
{
    public const string DocumentName = "Upgrades";

    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<SettingsStore>();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        // Read from the database, not the settings cache: this runs once, and must see the record as it is.
        var stored = await db.Set<SettingsDocument>().AsNoTracking().Where(s => s.Name == DocumentName).Select(s => s.Json).FirstOrDefaultAsync(cancellationToken);
        var done = stored is null ? [] : JsonNode.Parse(stored)!.AsObject();
        foreach (var upgrade in scope.ServiceProvider.GetServices<ISiteUpgrade>().Where(u => !done.ContainsKey(u.Name)))
        {
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().RunAsync(async ct =>
            {
                await upgrade.UpgradeAsync(ct);
                await settings.MergeAsync(DocumentName, new JsonObject { [upgrade.Name] = true }, ct);
                await db.SaveChangesAsync(ct);
            }, cancellationToken);
        }
    }
}
