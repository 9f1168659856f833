using System.Net;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CucThongKe.Core.Data;
using CucThongKe.Core.Modules;
using CucThongKe.Core.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace CucThongKe.Core.Hosting;

/// <summary>Builds the site from its modules: the host's <c>Program.cs</c> calls these three.</summary>
public static class CmsWebApplicationExtensions
{
    /// <summary>Registers the platform and every module in <paramref name="configureModules"/>.</summary>
    /// <param name="migrationsAssembly">The assembly holding the migrations of the composed model (the host's).</param>
    public static WebApplicationBuilder AddCms(this WebApplicationBuilder builder, Assembly migrationsAssembly, Action<ModuleCatalog> configureModules)
    {
        var catalog = new ModuleCatalog().Add<CoreModule>();
        configureModules(catalog);

        // Modules' and themes' wwwroot files are served from the build output in every environment, not only in Development.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddSingleton(catalog);
        services.AddOptions<CmsOptions>().Bind(builder.Configuration.GetSection(CmsOptions.SectionName));
        var options = builder.Configuration.GetSection(CmsOptions.SectionName).Get<CmsOptions>() ?? new CmsOptions();
        AddDatabase(builder, options, migrationsAssembly.GetName().Name!, catalog);

        // Vietnamese letters are written as themselves, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRouting(o => o.LowercaseUrls = true);
        var mvc = services.AddRazorPages();
        mvc.ConfigureApplicationPartManager(parts =>
        {
            foreach (var assembly in catalog.Assemblies)
            {
                if (!parts.ApplicationParts.Any(p => p is AssemblyPart a && a.Assembly == assembly))
                {
                    parts.ApplicationParts.Add(new AssemblyPart(assembly));
                }
            }
        });
        CompressionAndCaching.AddCompression(services);
        services.AddRateLimiter(o => o.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        services.AddSingleton<MigrationsState>();
        services.AddHealthChecks().AddCheck<MigrationsHealthCheck>("database");

        // The key ring (in the database) and the background-work leases are registered by CoreModule, the first module.
        services.AddSingleton<DataFolder>();
        services.AddOptions<ClusterOptions>().Bind(builder.Configuration.GetSection(ClusterOptions.SectionName));
        // Graceful drain: on SIGTERM Kestrel stops accepting, the requests under way get this long to finish, then the
        // hosted services stop (the leases last, CoreModule).
        services.AddOptions<HostOptions>().Configure<IOptions<ClusterOptions>>((host, cluster) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(Math.Clamp(cluster.Value.ShutdownSeconds, 1, 600)));

        foreach (var module in catalog.Modules)
        {
            module.ConfigureServices(services, builder.Configuration);
        }

        return builder;
    }

    /// <summary>Adds the request pipeline: errors, static files, security, then every module's endpoints.</summary>
    public static WebApplication UseCms(this WebApplication app)
    {
        var catalog = app.Services.GetRequiredService<ModuleCatalog>();

        // Before anything that may log: every log line of the request carries its correlation id.
        app.UseRequestCorrelation();
        // Then: every later step (rate limits, the sign-in log, HTTPS checks) sees the client's address and scheme, as a
        // listed proxy reports them. Unknown hosts were already refused by AllowedHosts (host filtering comes before this).
        UseTrustedForwardedHeaders(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/loi");
            app.UseHsts();
        }

        // Outside the page cache, so cached pages are compressed too.
        app.UseResponseCompression();
        foreach (var module in catalog.Modules)
        {
            module.ConfigureEarly(app);
        }

        // An empty error answer becomes the friendly Vietnamese page for people and problem details under /api for programs.
        app.UseWhen(c => !IsApi(c), pages => pages.UseStatusCodePagesWithReExecute("/loi", "?code={0}"));
        app.UseWhen(IsApi, api => api.UseStatusCodePages(WriteApiProblemAsync));
        app.UseMiddleware<RequestFailureMiddleware>();
        app.UseStaticFiles(CompressionAndCaching.StaticFiles(app.Services));
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        // After authentication (a signed-in operator may read it), outside the pages' authorization and rate limits' reach.
        app.UseMetricsEndpoint(app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value);
        app.UseAuthorization();
        foreach (var module in catalog.Modules)
        {
            module.Configure(app);
        }

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
        app.MapRazorPages();
        foreach (var module in catalog.Modules)
        {
            module.MapEndpoints(app);
        }

        return app;
    }

    /// <summary>Prepares the data folder and database, sets the site up if it is new, then serves it or runs a command.</summary>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunCmsAsync(this WebApplication app, string[] args)
    {
        // A command that must run before start-up (restore: start-up would create and set up an empty site where the backup must go).
        if (args.Length > 0 && app.Services.GetServices<ICmsCommand>().Any(c => c.Verb == args[0] && c.BeforeStartup))
        {
            return await CmsCommands.RunAsync(app.Services, args);
        }

        if (!await CmsInitializer.InitializeAsync(app.Services))
        {
            return 1;
        }

        if (args.Length > 0 && CmsCommands.IsCommand(app.Services, args[0]))
        {
            return await CmsCommands.RunAsync(app.Services, args);
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : "(see ASPNETCORE_URLS)";
            app.Logger.LogInformation("Trang đang chạy tại {Addresses}. Trang quản trị: /admin (đăng nhập tại /dang-nhap).", addresses);
        });
        await app.RunAsync();
        return 0;
    }

    /// <summary>Believes <c>X-Forwarded-For</c>/<c>-Proto</c> only from the proxies of <c>Cms:Network</c>; with none listed, not at all.</summary>
    /// <remarks>The framework's defaults would trust loopback; they are cleared so that only what the operator lists counts.
    /// <c>X-Forwarded-Host</c> is never taken: the Host header is checked by AllowedHosts, and links in mail use the
    /// configured public address.</remarks>
    private static void UseTrustedForwardedHeaders(WebApplication app)
    {
        var network = app.Services.GetRequiredService<IOptions<CmsOptions>>().Value.Network;
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in network.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            forwarded.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"Cms:Network:KnownProxies: '{proxy}' không phải địa chỉ IP."));
        }

        foreach (var range in network.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(range.Trim(), out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Cms:Network:KnownNetworks: '{range}' không phải dải mạng CIDR (ví dụ 10.0.0.0/24)."));
        }

        if (forwarded.KnownProxies.Count > 0 || forwarded.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders(forwarded);
        }
    }

    /// <remarks>The options are built once (they depend on configuration only): built per request they cost a tenth
    /// of an uncached public page's CPU time (bench/README.md). Contexts are pooled: each request still gets a context of
    /// its own, reset when it is given back; creating one (EF Core's own services for it, a scope of them) was a tenth of
    /// the CPU time of a page rendered for the first time (bench/README.md, crawler). The context keeps no state of its own
    /// between requests (<see cref="CmsDbContext"/>).</remarks>
    private static void AddDatabase(WebApplicationBuilder builder, CmsOptions options, string migrationsAssembly, ModuleCatalog catalog)
    {
        var connectionString = builder.Configuration.GetConnectionString("Default");
        var poolSize = options.Database.ContextPoolSize;
        if (poolSize is < 1 or > 1024)
        {
            throw new InvalidOperationException($"Cms:Database:ContextPoolSize phải từ 1 đến 1024 (đang là {poolSize}).");
        }

        switch (options.Database.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Cms:Database:Provider là Postgres nhưng thiếu ConnectionStrings:Default.");
                }

                builder.Services.AddDbContextPool<CmsDbContext, PostgresCmsDbContext>(
                    o => o.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(migrationsAssembly)).UseModules(catalog),
                    poolSize);
                break;
            default:
                var dataPath = options.ResolveDataPath(builder.Environment.ContentRootPath);
                connectionString = string.IsNullOrWhiteSpace(connectionString)
                    ? $"Data Source={Path.Combine(dataPath, "cucthongke.db")};Default Timeout=30"
                    : connectionString;
                builder.Services.AddDbContextPool<CmsDbContext, SqliteCmsDbContext>(
                    o => o.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(migrationsAssembly)).AddInterceptors(new SqlitePragmas()).UseModules(catalog),
                    poolSize);
                break;
        }
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task WriteApiProblemAsync(Microsoft.AspNetCore.Diagnostics.StatusCodeContext status)
    {
        var response = status.HttpContext.Response;
        var (title, detail) = response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => ("Yêu cầu không hợp lệ", "Không đọc được yêu cầu: JSON sai cú pháp, văn bản không phải UTF-8 hoặc dữ liệu không hợp lệ (bad request)."),
            StatusCodes.Status413PayloadTooLarge => ("Nội dung quá lớn", "Yêu cầu lớn hơn giới hạn cho phép (payload too large)."),
            StatusCodes.Status404NotFound => ("Không tìm thấy", "Địa chỉ API này không có (not found)."),
            StatusCodes.Status405MethodNotAllowed => ("Phương thức không được hỗ trợ", "Địa chỉ này không nhận phương thức HTTP đã dùng (method not allowed)."),
            StatusCodes.Status415UnsupportedMediaType => ("Kiểu nội dung không được hỗ trợ", "Gửi nội dung JSON với Content-Type: application/json (unsupported media type)."),
            StatusCodes.Status429TooManyRequests => ("Quá nhiều yêu cầu", "Vui lòng thử lại sau ít phút (too many requests)."),
            _ => ("Yêu cầu không thành công", $"Mã lỗi HTTP {response.StatusCode}."),
        };
        response.ContentType = "application/problem+json; charset=utf-8";
        var body = new { type = "about:blank", title, status = response.StatusCode, detail };
        return response.WriteAsync(JsonSerializer.Serialize(body, CmsJson.Options));
    }

    private static Task WriteHealthAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, CmsJson.Options));
    }
}
