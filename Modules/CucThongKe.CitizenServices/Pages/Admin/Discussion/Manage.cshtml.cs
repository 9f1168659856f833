using CucThongKe.CitizenServices.Discussion;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.CitizenServices.Pages.Admin.Discussion;

/// <summary>The board opens an item for readers' discussion, or closes it (recorded with who and when).</summary>
[Authorize(Policy = "OpenDiscussion")]
public sealed class ManageModel(Discussions discussions, ContentManager contents, FailureStatuses failures) : PageModel
{
    public ContentItem Item { get; private set; } = null!;

    public DiscussionState? State { get; private set; }

    public bool Discussable { get; private set; }

    public string? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public Task<IActionResult> OnPostOpenAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, item => discussions.OpenAsync(item, User.Identity!.Name!, cancellationToken), "Đã mở thảo luận cho “{0}”.", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, item => discussions.CloseAsync(item, User.Identity!.Name!, cancellationToken), "Đã đóng thảo luận của “{0}”.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(string id, Func<ContentItem, Task> change, string done, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        try
        {
            await change(Item);
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            Error = this.ShowFailure(failure);
            return loaded;
        }

        TempData["Message"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, done, Item.DisplayText);
        return Redirect($"/admin/thao-luan/{id}");
    }

    private async Task<IActionResult> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Length != 32 || await contents.GetAsync(id, VersionOptions.Latest, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        State = await discussions.StateAsync(id, cancellationToken);
        Discussable = await discussions.IsDiscussableAsync(item.ContentType, cancellationToken);
        ViewData["Title"] = "Thảo luận của bạn đọc";
        return Page();
    }
}
