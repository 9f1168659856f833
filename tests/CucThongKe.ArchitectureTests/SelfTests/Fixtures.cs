// Deliberate violations the self-tests feed to the rules. The rules over the site read only the site's assemblies,
// so nothing here can make them fail.
#pragma warning disable CA1812, CA1822, CA1852 // fixtures are read as metadata, never used

using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CucThongKe.ArchitectureTests.SelfTests.Fixtures.Cycle.Left
{
    /// <summary>Uses <c>Right.Second</c> only inside a method body.</summary>
    internal sealed class First
    {
        public string Describe() => new Right.Second().ToString()!;
    }
}

namespace CucThongKe.ArchitectureTests.SelfTests.Fixtures.Cycle.Right
{
    /// <summary>Uses <c>Left.First</c> only inside a method body: the two folders make a cycle no signature shows.</summary>
    internal sealed class Second
    {
        public int Count()
        {
            var first = new Left.First();
            return first.Describe().Length;
        }
    }
}

namespace CucThongKe.ArchitectureTests.SelfTests.Fixtures.Database
{
    /// <summary>Reads the database in a method body, as a page model of a theme must not.</summary>
    internal sealed class ReadsTheDatabase(CmsDbContext db)
    {
        public int Count() => db.Set<CucThongKe.Core.Settings.SettingsDocument>().Local.Count;
    }

    internal sealed class Entity
    {
        public int Id { get; set; }
    }

    internal sealed class MapsAnEntity : IEntityTypeConfiguration<Entity>
    {
        public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Entity> builder) => builder.HasKey(e => e.Id);
    }
}

namespace CucThongKe.ArchitectureTests.SelfTests.Fixtures.Naming
{
    internal sealed class ApprovalWorkflowSettings;

    internal sealed class TypeSettingsLike
    {
        public string? Workflow { get; set; }

        public bool IsGovernedByAWorkflow() => Workflow is not null;
    }

    internal sealed class Innocent
    {
        public string? Title { get; set; }
    }
}

namespace CucThongKe.ArchitectureTests.SelfTests.Fixtures.Registrations
{
    /// <summary>A "theme" that does what a theme must not: a content handler, a hosted service, a rate-limit policy, middleware.</summary>
    internal sealed class BusyThemeModule : CmsModule
    {
        public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
        {
            services.AddContentHandler<Handler>();
            services.AddHostedService<Worker>();
            services.Configure<RateLimiterOptions>(o => o.AddFixedWindowLimiter("forms", l => l.PermitLimit = 1));
            services.AddSingleton<ViewHelper>();
        }

        public override void ConfigureEarly(IApplicationBuilder app) => app.UseMiddleware<PageCache>();
    }

    /// <summary>A theme that only adds views' helpers: nothing to report.</summary>
    internal sealed class QuietThemeModule : CmsModule
    {
        public override void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddSingleton<ViewHelper>();
    }

    internal sealed class ViewHelper;

    internal sealed class Handler : IContentHandler;

    internal sealed class Worker : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
    }

    internal sealed class PageCache(RequestDelegate next)
    {
        public Task InvokeAsync(HttpContext context) => next(context);
    }
}
