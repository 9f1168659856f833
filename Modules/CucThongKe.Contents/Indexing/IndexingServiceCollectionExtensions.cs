using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Contents.Indexing;

/// <summary>The verb a module uses to add an index table kept in the save's transaction.</summary>
public static class IndexingServiceCollectionExtensions
{
    public static IServiceCollection AddContentIndexProvider<TProvider>(this IServiceCollection services) where TProvider : class, IContentIndexProvider
    {
        services.AddScoped<IContentIndexProvider, TProvider>();
        return services;
    }
}
