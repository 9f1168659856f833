using System.Security.Claims;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;

namespace CucThongKe.CitizenServices.Forms;

/// <summary>
/// On the edit page of a citizen's question or feedback, for those who may move it (<see cref="CitizenTriage.MayMove"/>):
/// the unit it is with and the way to the triage page, so that a message sent to the wrong unit is moved the same day.
/// </summary>
internal sealed class TriageEditorPanel(CitizenTriage triage) : IEditorPanelProvider
{
    public Task<EditorPanel?> BuildAsync(ContentItem item, ResolvedContentType type, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Task.FromResult(CitizenTriage.IsCitizenMessage(item) && triage.MayMove(user, item)
            ? new EditorPanel("EditorPanels/Triage", new TriagePanelModel(item.ContentItemId), Position: 10)
            : null);
}

/// <summary>What the triage panel links to.</summary>
public sealed record TriagePanelModel(string ContentItemId)
{
    public string MoveUrl => $"/admin/tiep-nhan/{ContentItemId}/chuyen-don-vi";
}
