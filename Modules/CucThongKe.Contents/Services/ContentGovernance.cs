using CucThongKe.Contents.Definitions;

namespace CucThongKe.Contents.Services;

/// <summary>
/// Whether a process outside the engine governs the publication of a type (the approval chain, owned by another module):
/// the one question the engine asks before it offers a publish button, publishes a recipe's item directly or lets the
/// back office change a type's settings. The module that governs registers its answer; with none, nothing is governed.
/// </summary>
public interface IContentGovernance
{
    /// <summary>The type-settings section that names the governing process (the path of a recipe's refusal to change it).</summary>
    string SettingsSection { get; }

    /// <summary>The name of the process that governs publication of <paramref name="type"/>, or null when none does.</summary>
    string? GoverningProcess(ResolvedContentType type);
}

/// <summary>No module governs publication: every type is published directly by whoever may.</summary>
internal sealed class NoContentGovernance : IContentGovernance
{
    public string SettingsSection => "";

    public string? GoverningProcess(ResolvedContentType type) => null;
}

/// <summary>A type whose settings say <c>"Publishable": false</c> is never published, by any path.</summary>
internal sealed class NeverPublishableGuard : IPublishGuard
{
    public Task<string?> CheckAsync(Models.ContentItem version, ResolvedContentType type, PublishRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(type.Definition.Settings.Publishable ? null : $"Nội dung loại '{type.Definition.DisplayName}' không được đăng công khai.");
}
