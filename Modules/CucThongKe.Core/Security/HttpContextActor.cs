using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CucThongKe.Core.Security;

/// <summary>The signed-in user of the current request, or nobody.</summary>
internal sealed class HttpContextActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string? UserName => User?.Identity?.Name;

    public string? UnitId => User?.FindFirst(CmsClaims.Unit)?.Value;
}
