using System.Text.Json.Nodes;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Core.Setup;

/// <summary>Work a module does when the site is first set up, inside the setup recipe's transaction.</summary>
public interface ISetupHandler
{
    Task SetupAsync(CmsSetupOptions options, CancellationToken cancellationToken);
}

/// <summary>Sets the site up on first start: the setup recipe, the modules' setup work, then the extra recipes.</summary>
/// <remarks>
/// These runs are the only ones besides <c>recipe run --legacy-import</c> that may import published content a workflow
/// governs (<see cref="RecipeRunOptions.Setup"/>): the site is empty, so nothing published can be replaced.
/// </remarks>
public sealed class SetupService(
    CmsDbContext db,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<SetupService> logger)
{
    public const string SetupDocumentName = "Setup";

    public Task<bool> IsSetUpAsync(CancellationToken cancellationToken = default) =>
        db.Set<SettingsDocument>().AnyAsync(s => s.Name == SetupDocumentName, cancellationToken);

    /// <summary>Runs <paramref name="setup"/>'s recipes (the host passes its <c>Cms:Setup</c> section).</summary>
    public async Task SetupAsync(CmsSetupOptions setup, CancellationToken cancellationToken = default)
    {
        var recipe = RecipeHarvester.ReadFile(setup.Recipe);
        logger.LogInformation("Setting up the site with recipe {Recipe}", recipe.File);

        await using (var scope = scopes.CreateAsyncScope())
        {
            var executor = scope.ServiceProvider.GetRequiredService<RecipeExecutor>();
            await executor.ExecuteAsync(recipe, RecipeRunOptions.Setup() with
            {
                BeforeCommit = async (services, ct) =>
                {
                    foreach (var handler in services.GetServices<ISetupHandler>())
                    {
                        await handler.SetupAsync(setup, ct);
                    }

                    await services.GetRequiredService<SettingsStore>().MergeAsync(SetupDocumentName, new JsonObject
                    {
                        ["Recipe"] = recipe.Name,
                        ["CompletedUtc"] = clock.GetUtcNow().UtcDateTime,
                    }, ct);
                },
            }, cancellationToken);
        }

        foreach (var path in setup.AdditionalRecipes.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            var additional = RecipeHarvester.ReadFile(path);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(additional, RecipeRunOptions.Setup(), cancellationToken);
        }
    }
}
