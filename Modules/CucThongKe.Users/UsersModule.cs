using System.Threading.RateLimiting;
using CucThongKe.Core;
using CucThongKe.Core.Data;
using CucThongKe.Core.Modules;
using CucThongKe.Core.Security;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Recipes;
using CucThongKe.Users.Security;
using CucThongKe.Users.Setup;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Users;

/// <summary>Accounts, roles and units: ASP.NET Core Identity on the site's database, sign-in, and their recipe steps.</summary>
public sealed class UsersModule : CmsModule
{
    /// <summary>The rate-limit policy of the sign-in form.</summary>
    public const string SignInRateLimit = "sign-in";

    public override IReadOnlyList<Type> Dependencies => [typeof(CoreModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<CmsUser, CmsRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<CmsDbContext>()
            .AddClaimsPrincipalFactory<CmsClaimsPrincipalFactory>()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".CucThongKe.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/dang-nhap";
            o.LogoutPath = "/dang-xuat";
            o.AccessDeniedPath = "/dang-nhap/tu-choi";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // A signed-in user without the right permission gets 403 (the error page explains), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.SlidingExpiration = true;
        });

        // Sign-in attempts (not page views) are limited per address: 10 a minute.
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(SignInRateLimit, context =>
            HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("view")));

        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.SectionName));
        services.AddScoped<SignInAuditor>();
        services.AddScoped<IUnitDirectory, UnitDirectory>();
        services.AddScoped<PasswordResetMailer>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordResetMailer.LinkLifetime);
        services.AddTransient<TwoFactorEnforcement>();
        services.AddPermissions<UsersPermissions>();
        services.AddAdminMenu<UsersAdminMenu>();
        services.AddDashboardWidget<ProfileWidget>();
        services
            .AddRecipeStep<RolesRecipeStep>()
            .AddRecipeStep<UnitsRecipeStep>()
            .AddRecipeStep<UsersRecipeStep>()
            .AddRecipeExporter<RolesRecipeExporter>()
            .AddRecipeExporter<UnitsRecipeExporter>()
            .AddSetupHandler<AdministratorSetupHandler>();
    }

    public override void Configure(IApplicationBuilder app) => app.UseMiddleware<TwoFactorEnforcement>();
}
