using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Core.Recipes;

/// <summary>The verbs a module uses to bring recipe steps, exporters and recipe event handlers.</summary>
public static class RecipeServiceCollectionExtensions
{
    public static IServiceCollection AddRecipeStep<TStep>(this IServiceCollection services) where TStep : class, IRecipeStep
    {
        services.AddScoped<IRecipeStep, TStep>();
        return services;
    }

    public static IServiceCollection AddRecipeExporter<TExporter>(this IServiceCollection services) where TExporter : class, IRecipeExporter
    {
        services.AddScoped<IRecipeExporter, TExporter>();
        return services;
    }

    public static IServiceCollection AddRecipeEventHandler<THandler>(this IServiceCollection services) where THandler : class, IRecipeEventHandler
    {
        services.AddScoped<IRecipeEventHandler, THandler>();
        return services;
    }
}
