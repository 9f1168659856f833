namespace CucThongKe.Core.Security;

/// <summary>Who is acting now: the signed-in user, or the system (recipes, background services).</summary>
public interface ICurrentActor
{
    string? UserName { get; }

    string? UnitId { get; }
}

/// <summary>An actor set explicitly, for recipes and background work.</summary>
public sealed record SystemActor(string? UserName, string? UnitId) : ICurrentActor;
