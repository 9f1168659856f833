using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CucThongKe.Core.Hosting;

/// <summary>The verb a module uses to bring a command-line verb.</summary>
public static class CommandServiceCollectionExtensions
{
    /// <summary>Declares a command-line verb (<c>dotnet run -- VERB ...</c>) the host runs instead of serving.</summary>
    public static IServiceCollection AddCommand<TCommand>(this IServiceCollection services) where TCommand : class, ICmsCommand
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICmsCommand, TCommand>());
        return services;
    }
}
