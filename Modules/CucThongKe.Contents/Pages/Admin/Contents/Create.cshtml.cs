using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Contents.Pages.Admin.Contents;

/// <summary>A new item of a type, from the generic editor; saved as a draft of the author's unit.</summary>
public sealed class CreateModel(ContentDefinitionManager definitions, ContentManager contents, ContentEditor editor, FailureStatuses failures) : PageModel
{
    public ResolvedContentType Type { get; private set; } = null!;

    public IReadOnlyList<EditorSection> Sections { get; private set; } = [];

    public IReadOnlyList<ContentValidationError> Errors { get; private set; } = [];

    /// <summary>A refusal other than field errors, in the failure's own words.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string type, CancellationToken cancellationToken)
    {
        if (await LoadAsync(type, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Sections = await editor.BuildAsync(Type, editor.WithPickedFile(Type, [], Request.Query["truong"], Request.Query["tep"]), [], cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string type, CancellationToken cancellationToken)
    {
        if (await LoadAsync(type, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var item = await contents.NewAsync(Type.Name, cancellationToken);
        var form = await editor.UpdateAsync(Type, Request.Form, null, cancellationToken);
        item.Content = form.Content;
        try
        {
            if (form.Errors.Count > 0)
            {
                throw new ContentValidationException(form.Errors);
            }

            var saved = await contents.CreateAsync(item, cancellationToken);
            TempData["Message"] = "Đã lưu bản nháp.";
            EditModel.KeepWarnings(TempData, saved);
            return Redirect($"/admin/contents/{saved.ContentItemId}/edit");
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            var message = this.ShowFailure(failure);
            if (ex is ContentValidationException invalid)
            {
                Errors = invalid.Errors;
            }
            else
            {
                Refusal = message;
            }

            Sections = await editor.BuildAsync(Type, item.Content, Errors, cancellationToken);
            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(string type, CancellationToken cancellationToken)
    {
        var resolved = await definitions.GetResolvedTypeAsync(type, cancellationToken);
        if (resolved is null || !resolved.Definition.Settings.Creatable)
        {
            return NotFound();
        }

        if (!ContentAccess.CanCreate(User))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Type = resolved;
        return null;
    }
}
