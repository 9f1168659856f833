using CucThongKe.Users.Identity;
using CucThongKe.Core;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Modules;
using CucThongKe.Users;
using CucThongKe.Users.Security;
using CucThongKe.Workflows;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Contents.Api;

/// <summary>The JSON API (<c>/api/auth/token</c>, <c>/api/content</c>, <c>/api/workflow</c>) and the API tokens that sign programs in.</summary>
/// <remarks>It drives the approval chain, so it depends on Workflows; Workflows knows nothing of it.</remarks>
public sealed class ContentsApiModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(CoreModule), typeof(ContentsModule), typeof(UsersModule), typeof(WorkflowsModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ApiTokens>();
        services.AddScoped<ContentApiQueries>();
        services.AddScoped<IRevocableCredentials, ApiTokens>();
        services.AddSingleton<ApiTokenUsage>();
        services.AddAdminMenu<ContentsApiAdminMenu>();

        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        // Token requests are password attempts: limited per address like the sign-in form (and per account, SignInThrottle).
        services.AddPerAddressRateLimit<SecurityOptions>(AuthApi.RateLimitPolicy, s => s.SignInAttemptsPerAddressPerMinute, TimeSpan.FromMinutes(1), postsOnly: false);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAuthApi();
        var api = endpoints.MapGroup("/api").RequireAuthorization(p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
        api.MapContentApi();
        api.MapWorkflowApi();
    }
}

/// <summary>The back office's entry for the signed-in user's own API tokens.</summary>
internal sealed class ContentsApiAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() => [new("Tài khoản", "Mã truy cập API của tôi", "/admin/tai-khoan/ma-truy-cap", null, 55)];
}
