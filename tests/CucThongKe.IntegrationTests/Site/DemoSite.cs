using CucThongKe.Core.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Site;

/// <summary>The demo (demo-content.recipe.json) for the classes that read it: the recipe runs once per test run on an
/// arranged template (<see cref="TestTemplates.ArrangedAsync{T}"/>: the database, media and search index of a set-up site
/// after the recipe), and each class's shared site starts on a copy of it instead of running the recipe itself.</summary>
internal static class DemoSite
{
    /// <summary>The class's shared site (<see cref="SharedSite"/>) on a copy of the demo.</summary>
    public static async Task<TestSite> SharedAsync(SharedSite shared)
    {
        var template = await TestTemplates.ArrangedAsync("demo-content", settings: null, site => site.WithScopeAsync(async s =>
        {
            await s.GetRequiredService<RecipeExecutor>().ExecuteAsync(
                RecipeHarvester.ReadFile(Path.Combine(RecipeHarvester.RecipesFolder, "demo-content.recipe.json")), SiteTestBase.TestDataRun);
            return true;
        }));
        return (await shared.GetAsync(() => Task.FromResult(TestSite.FromArranged(template)), _ => Task.FromResult(true))).Site;
    }
}
