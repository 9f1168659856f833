using System.Security.Claims;
using CucThongKe.Core;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Modules;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Security;
using CucThongKe.Core.Setup;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Recipes;
using CucThongKe.Users.Security;
using CucThongKe.Users.Setup;
using CucThongKe.Users.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CucThongKe.Users;

/// <summary>Accounts, roles and units: ASP.NET Core Identity on the site's database, sign-in, and their recipe steps.</summary>
public sealed class UsersModule : CmsModule
{
    /// <summary>The rate-limit policy of the sign-in form.</summary>
    public const string SignInRateLimit = "sign-in";

    /// <summary>The rate-limit policy of the password-reset forms: 10 a minute per address (each request may send mail).</summary>
    public const string PasswordResetRateLimit = "password-reset";

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
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                // "Confirmed" means "not deactivated" here (ActiveAccountConfirmation): Identity then refuses every sign-in of a deactivated account.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<CmsDbContext>()
            .AddClaimsPrincipalFactory<CmsClaimsPrincipalFactory>()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
            o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(Math.Max(1, security.Value.LockoutMinutes)));

        services.AddScoped<IUserConfirmation<CmsUser>, ActiveAccountConfirmation>();
        services.AddScoped<SignInCookieEvents>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".CucThongKe.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/dang-nhap";
            o.LogoutPath = "/dang-xuat";
            o.AccessDeniedPath = "/dang-nhap/tu-choi";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The stamp on every request, access denied as 403: see SignInCookieEvents.
            o.EventsType = typeof(SignInCookieEvents);
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // The stamp itself is compared on every request (SignInCookieEvents, one indexed look-up); Identity's
            // validator, which reloads the user and rebuilds the principal, refreshes roles, permissions and unit
            // once a minute, so a change of rights reaches open sessions within a minute.
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // A refreshed principal keeps the proof of a two-factor sign-in (Identity drops amr here otherwise, and
            // the user would be sent back to the two-factor page).
            o.OnRefreshingPrincipal = context =>
            {
                var mfa = context.CurrentPrincipal?.FindAll(TwoFactorRequirement.MfaClaimType).ToList() ?? [];
                if (mfa.Count > 0 && context.NewPrincipal?.Identities.FirstOrDefault() is { } identity)
                {
                    foreach (var claim in mfa.Where(c => !identity.HasClaim(c.Type, c.Value)))
                    {
                        identity.AddClaim(new Claim(claim.Type, claim.Value));
                    }
                }

                return Task.CompletedTask;
            };
        });

        // Sign-in attempts (not page views) are limited per address (SecurityOptions; SignInThrottle limits them per account).
        services.AddPerAddressRateLimit<SecurityOptions>(SignInRateLimit, s => s.SignInAttemptsPerAddressPerMinute, TimeSpan.FromMinutes(1));
        // Resets are rare and each may send mail: an address gets 10 a minute, whatever the sign-in limit.
        services.AddPerAddressRateLimit(PasswordResetRateLimit, 10, TimeSpan.FromMinutes(1));

        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.SectionName));
        services.AddScoped<SignInAuditor>();
        services.AddScoped<IUnitDirectory, UnitDirectory>();
        services.AddScoped<UnitService>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<RolePermissions>();
        services.AddScoped<IRoleGrants, RoleGrants>();
        services.AddScoped<UnitsInEffect>();
        services.AddScoped<PasswordResetMailer>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = PasswordResetMailer.LinkLifetime);
        services.AddTransient<TwoFactorEnforcement>();
        services.AddScoped<TwoFactorRequirement>();
        services.AddScoped<SignInRevocation>();
        services.AddScoped<UnknownUserPasswordCheck>();
        services.AddSingleton<SignInThrottle>();
        services.AddPermissions<UsersPermissions>();
        services.AddAdminMenu<UsersAdminMenu>();
        services.AddDashboardWidget<ProfileWidget>();
        services.AddDisplayNameSource<UnitDisplayNames>().AddDisplayNameSource<RoleDisplayNames>();
        services.AddScoped<UnitMerge>();
        services.AddFailureStatus<UnitMergeException>(StatusCodes.Status400BadRequest, FailureTitles.BadRequest);
        services
            .AddRecipeStep<RolesRecipeStep>()
            .AddRecipeStep<UnitsRecipeStep>()
            .AddRecipeStep<UnitContactsRecipeStep>()
            .AddRecipeStep<UsersRecipeStep>()
            .AddRecipeExporter<RolesRecipeExporter>()
            .AddRecipeExporter<UnitsRecipeExporter>()
            .AddSetupHandler<AdministratorSetupHandler>();
    }

    public override void Configure(IApplicationBuilder app) => app.UseMiddleware<TwoFactorEnforcement>();
}
