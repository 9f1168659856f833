using System.Security.Claims;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Users.Units;
using Microsoft.Extensions.Options;

namespace CucThongKe.CitizenServices.Forms;

/// <summary>Triage (phân loại): a citizen's question or feedback moved to the unit in charge of its field.</summary>
/// <remarks>
/// A move is Contents' recorded transfer: every version moves, the admin-audit log keeps the reason, and a question's
/// workflow records it as a step (state and deadline kept). Who moves: the board (<see cref="ContentAccess.CanTransfer"/>),
/// or the triage unit's staff for what was sent to the triage unit (Điều 9.3: the office routes what citizens send).
/// </remarks>
public sealed class CitizenTriage(ContentManager contents, CitizenUnits units, UnitOfWork unitOfWork, IOptions<CitizenServicesOptions> options)
{
    /// <summary>The item (latest version) when it is a citizen's question or feedback; otherwise null.</summary>
    public async Task<ContentItem?> FindAsync(string contentItemId, CancellationToken cancellationToken) =>
        contentItemId.Length == 32 && await contents.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken) is { } item && IsCitizenMessage(item)
            ? item
            : null;

    public static bool IsCitizenMessage(ContentItem item) =>
        item.ContentType == CitizenMessageKind.Question.ContentType || item.ContentType == CitizenMessageKind.Feedback.ContentType;

    /// <summary>Whether <paramref name="user"/> may move <paramref name="item"/> to another unit.</summary>
    public bool MayMove(ClaimsPrincipal user, ContentItem item) =>
        ContentAccess.CanTransfer(user)
        || (options.Value.TriageUnitId is { Length: > 0 } triage && item.UnitId == triage && ContentAccess.CanEditUnit(user, triage));

    /// <summary>The units a message can be moved to: the departments and branches in effect, but the one it is in.</summary>
    public async Task<IReadOnlyList<Unit>> TargetsAsync(ContentItem item, CancellationToken cancellationToken) =>
        [.. (await units.ListAsync(cancellationToken)).Where(u => u.Id != item.UnitId)];

    /// <summary>Moves the message to <paramref name="toUnitId"/> with <paramref name="reason"/>; a unit outside <see cref="TargetsAsync"/>
    /// or a missing reason is a <see cref="ContentValidationException"/> (400) and changes nothing. The caller checks <see cref="MayMove"/>.</summary>
    public async Task MoveAsync(ContentItem item, string? toUnitId, string? reason, CancellationToken cancellationToken)
    {
        var target = (await TargetsAsync(item, cancellationToken)).FirstOrDefault(u => u.Id == toUnitId)
            ?? throw new ContentValidationException([new("unitId", "Hãy chọn đơn vị phụ trách trong danh sách (một phòng hoặc chi cục, khác đơn vị hiện tại).")]);
        await unitOfWork.RunAsync(async ct =>
        {
            await contents.TransferAsync(item.ContentItemId, target.Id, reason, ct);

            // The unit named with the answer ("Trả lời của …") and on the status page follows the move.
            var renamed = item.CloneAsNewVersion();
            var part = renamed.Content[item.ContentType]!.AsObject();
            part["AssignedUnit"] = new JsonObject { ["Text"] = target.Name };
            await contents.SaveDraftAsync(renamed, item.Version, ct);
        }, cancellationToken);
    }
}
