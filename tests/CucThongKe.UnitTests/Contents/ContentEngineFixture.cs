using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Contents;

/// <summary>Helpers over a fresh site built from <c>content-engine.recipe.json</c>.</summary>
public abstract class ContentEngineTestBase : IAsyncLifetime
{
    protected TestSite Site { get; private set; } = null!;

    protected static string Recipe => Path.Combine(AppContext.BaseDirectory, "Recipes", "content-engine.recipe.json");

    public virtual Task InitializeAsync()
    {
        Site = new TestSite(setupRecipe: Recipe, configureServices: ConfigureServices);
        _ = Site.Services; // starts the site: migrations and the setup recipe
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Site.Dispose();
        return Task.CompletedTask;
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected static ContentItem Article(string title, string topic = "dan-so", string? html = null)
    {
        var item = new ContentItem { ContentType = "Article" };
        item.Content["TitlePart"] = new JsonObject { ["Title"] = title };
        item.Content["Article"] = new JsonObject { ["Topic"] = new JsonObject { ["TermIds"] = new JsonArray(topic) } };
        if (html is not null)
        {
            item.Content["HtmlBodyPart"] = new JsonObject { ["Html"] = html };
        }

        return item;
    }

    protected Task<T> WithContentsAsync<T>(Func<ContentManager, CmsDbContext, Task<T>> action) =>
        Site.WithScopeAsync(s => action(s.GetRequiredService<ContentManager>(), s.GetRequiredService<CmsDbContext>()));

    protected Task WithContentsAsync(Func<ContentManager, CmsDbContext, Task> action) =>
        Site.WithScopeAsync(s => action(s.GetRequiredService<ContentManager>(), s.GetRequiredService<CmsDbContext>()));

    protected static PublishRequest Direct => new(PublishSource.Direct, "tester");
}
