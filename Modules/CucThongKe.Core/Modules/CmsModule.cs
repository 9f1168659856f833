using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Core.Modules;

/// <summary>A module or theme of the site: the one place where it declares everything it brings.</summary>
/// <remarks>
/// A module registers its services, content parts and index providers, recipe steps, permissions and
/// admin menu entries in <see cref="ConfigureServices"/>, and maps its endpoints in <see cref="MapEndpoints"/>.
/// Its EF Core entity configurations (<c>IEntityTypeConfiguration</c>) are found in its assembly and become part of
/// the site's model; its <c>*.recipe.json</c> files, embedded in the assembly, become recipes the site knows.
/// </remarks>
public abstract class CmsModule
{
    /// <summary>The module's name, shown in the back office and in logs.</summary>
    public virtual string Name => GetType().Assembly.GetName().Name ?? GetType().Name;

    /// <summary>Modules whose services this module uses; they are configured first.</summary>
    public virtual IReadOnlyList<Type> Dependencies => [];

    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    /// <summary>Adds middleware at the front of the pipeline (after the error handler, before static files, routing and
    /// authentication); called in module order. For work that must cost a request as little as possible.</summary>
    public virtual void ConfigureEarly(IApplicationBuilder app)
    {
    }

    /// <summary>Adds middleware after authentication; called in module order before endpoints are mapped.</summary>
    public virtual void Configure(IApplicationBuilder app)
    {
    }
}
