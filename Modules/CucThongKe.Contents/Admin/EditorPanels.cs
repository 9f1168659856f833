using System.Security.Claims;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Contents.Admin;

/// <summary>
/// A box another module shows on the edit page beside the form (the approval chain's state, deadline, last comments and the
/// steps the person may take): the editor asks every registered provider, so a module adds one without editing Contents.
/// </summary>
public interface IEditorPanelProvider
{
    /// <summary>The panel for <paramref name="item"/> as <paramref name="user"/> sees it, or null when there is none.</summary>
    Task<EditorPanel?> BuildAsync(ContentItem item, ResolvedContentType type, ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <summary>A panel: the partial view that draws it (looked up like the editor's shapes, e.g. <c>EditorPanels/Workflow</c> in the
/// module's <c>Pages/Shared/</c>) and its typed model; panels are shown by <paramref name="Position"/>.</summary>
public sealed record EditorPanel(string Template, object Model, int Position = 0);

public static class EditorPanelServiceCollectionExtensions
{
    public static IServiceCollection AddEditorPanel<TProvider>(this IServiceCollection services) where TProvider : class, IEditorPanelProvider =>
        services.AddScoped<IEditorPanelProvider, TProvider>();
}
