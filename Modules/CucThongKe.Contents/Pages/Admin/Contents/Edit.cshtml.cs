using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CucThongKe.Contents.Pages.Admin.Contents;

/// <summary>Edits an item: each save is a new draft version; a save based on an older version is a conflict, not an overwrite.</summary>
public sealed class EditModel(ContentDefinitionManager definitions, ContentManager contents, ContentEditor editor, ContentQueries queries, FailureStatuses failures, IContentGovernance governance, IEnumerable<IEditorPanelProvider> panelProviders, EditingPresence presence, ContentTrash trash) : PageModel
{
    /// <summary>Where a save leaves its warnings (<see cref="ContentItem.Warnings"/>) for the page it redirects to.</summary>
    public const string WarningsKey = "ContentWarnings";

    /// <summary>Leaves the warnings of a save for the editor page the save redirects to.</summary>
    public static void KeepWarnings(ITempDataDictionary tempData, ContentItem saved)
    {
        if (saved.Warnings.Count > 0)
        {
            tempData[WarningsKey] = saved.Warnings.Select(w => w.Message).ToArray();
        }
    }

    public ContentItem Item { get; private set; } = null!;

    public ResolvedContentType Type { get; private set; } = null!;

    public IReadOnlyList<EditorSection> Sections { get; private set; } = [];

    public IReadOnlyList<ContentValidationError> Errors { get; private set; } = [];

    public string? ConflictMessage { get; private set; }

    /// <summary>Any other refusal of the save or the publication (a publish guard...), in the failure's own words.</summary>
    public string? Refusal { get; private set; }

    public int ExpectedVersion { get; private set; }

    /// <summary>When the item's scheduled publication will release it (UTC), if one waits.</summary>
    public DateTime? PendingRelease { get; private set; }

    public bool CanEdit => ContentAccess.CanEdit(User, Item);

    /// <summary>What other modules show beside the form (the approval chain's state and steps), by position.</summary>
    public IReadOnlyList<EditorPanel> Panels { get; private set; } = [];

    /// <summary>The others who have this item's edit page open now (<see cref="EditingPresence"/>).</summary>
    public IReadOnlyList<string> OthersEditing { get; private set; } = [];

    /// <summary>The process that governs publication of the item's type (shown beside the version), or null.</summary>
    public string? GoverningProcess => governance.GoverningProcess(Type);

    /// <summary>Only types no process governs are published from the editor; the others go through that process.</summary>
    public bool CanPublish => CanEdit && GoverningProcess is null && User.HasPermission(ContentsPermissions.PublishUngovernedContent.Name);

    /// <summary>Whether the user may move the item to the trash now (they edit it, and the trash's rules and guards allow it).</summary>
    public bool CanTrash { get; private set; }

    /// <summary>Whether the user may delete the item for good now: a draft never published.</summary>
    public bool CanDelete { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Sections = await editor.BuildAsync(Type, editor.WithPickedFile(Type, Item.Content, Request.Query["truong"], Request.Query["tep"]), [], cancellationToken);
        return Page();
    }

    /// <summary>The page's refresh of its presence mark (every 30 seconds from admin.js): the others editing, as JSON.</summary>
    public async Task<IActionResult> OnPostPresenceAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return new JsonResult(new { others = OthersEditing });
    }

    /// <summary>"Chuyển vào thùng rác" (with an optional reason): a recorded act; the list says it was done.</summary>
    /// <param name="version">The version the page showed (a later one is a conflict); without it, the item as it is.</param>
    public Task<IActionResult> OnPostTrashAsync(string id, int? version, string? reason, CancellationToken cancellationToken) =>
        RemoveAsync(id, () => trash.TrashAsync(id, version, reason, cancellationToken), "Đã chuyển “{0}” vào thùng rác; có thể khôi phục từ trang Thùng rác.", cancellationToken);

    /// <summary>"Xoá vĩnh viễn": only a draft never published; anything else is refused (409) and nothing changes.</summary>
    public Task<IActionResult> OnPostDeleteAsync(string id, int? version, CancellationToken cancellationToken) =>
        RemoveAsync(id, () => trash.DeleteAsync(id, version, cancellationToken), "Đã xoá vĩnh viễn bản nháp “{0}”.", cancellationToken);

    private async Task<IActionResult> RemoveAsync(string id, Func<Task> act, string done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!CanEdit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            await act();
            TempData["Message"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, done, Item.DisplayText);
            return Redirect("/admin/contents");
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            Refusal = this.ShowFailure(failure) + " Không có thay đổi nào được lưu.";
        }

        Sections = await editor.BuildAsync(Type, Item.Content, [], cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, int version, string? intent, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!CanEdit || (intent == "publish" && !CanPublish))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var form = await editor.UpdateAsync(Type, Request.Form, Item.Content, cancellationToken);
        var edited = new ContentItem { ContentItemId = Item.ContentItemId, ContentType = Item.ContentType, Content = form.Content };
        try
        {
            if (form.Errors.Count > 0)
            {
                throw new ContentValidationException(form.Errors);
            }

            var saved = await contents.SaveDraftAsync(edited, version, cancellationToken);
            if (intent == "publish")
            {
                await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Direct, User.Identity?.Name), cancellationToken);
                TempData["Message"] = "Đã lưu và đăng.";
            }
            else
            {
                TempData["Message"] = $"Đã lưu bản nháp (phiên bản {saved.Version}).";
            }

            KeepWarnings(TempData, saved);
            if (User.Identity?.Name is { } name)
            {
                await presence.LeaveAsync(saved.ContentItemId, name);
            }

            return Redirect($"/admin/contents/{saved.ContentItemId}/edit");
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            // The form stays filled: the errors beside their fields, a conflict with a link to the other person's version.
            var message = this.ShowFailure(failure);
            switch (ex)
            {
                case ContentValidationException invalid:
                    Errors = invalid.Errors;
                    break;
                case ContentConflictException:
                    ConflictMessage = message;
                    ExpectedVersion = version;
                    break;
                default:
                    Refusal = message;
                    break;
            }
        }

        Sections = await editor.BuildAsync(Type, edited.Content, Errors, cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var item = id.Length == 32 ? await contents.GetAsync(id, VersionOptions.Latest, cancellationToken) : null;
        var type = item is null ? null : await definitions.GetResolvedTypeAsync(item.ContentType, cancellationToken);
        if (item is null || type is null)
        {
            return NotFound();
        }

        if (!ContentAccess.CanView(User, item))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Item = item;
        Type = type;
        if (CanEdit && User.Identity?.Name is { } name)
        {
            OthersEditing = await presence.MarkAsync(item.ContentItemId, name);
        }

        var panels = new List<EditorPanel>();
        foreach (var provider in panelProviders)
        {
            if (await provider.BuildAsync(item, type, User, cancellationToken) is { } panel)
            {
                panels.Add(panel);
            }
        }

        Panels = [.. panels.OrderBy(p => p.Position)];
        if (CanEdit)
        {
            CanTrash = !(await trash.RefusalsAsync([item], ContentRemovalKind.Trash, cancellationToken)).ContainsKey(item.ContentItemId);
            CanDelete = !(await trash.RefusalsAsync([item], ContentRemovalKind.Delete, cancellationToken)).ContainsKey(item.ContentItemId);
        }

        PendingRelease = (await queries.PendingReleasesAsync([item.ContentItemId], cancellationToken)).TryGetValue(item.ContentItemId, out var release) ? release : null;
        return null;
    }
}
