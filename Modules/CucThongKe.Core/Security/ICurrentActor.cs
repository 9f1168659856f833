namespace CucThongKe.Core.Security;

/// <summary>Who is acting now: the signed-in user, or the system (recipes, background services).</summary>
public interface ICurrentActor
{
    string? UserName { get; }

    string? UnitId { get; }
}
