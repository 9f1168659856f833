using CucThongKe.Contents.Definitions;
using CucThongKe.Core.Security;
using CucThongKe.Office.Obligations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Office.Pages.Admin.Obligations;

/// <summary>Adds or edits one obligation; a refused input keeps the form filled with a 400 and stores nothing.</summary>
[Authorize(Policy = "ManageObligations")]
public sealed class EditModel(ObligationCatalog catalog, IUnitDirectory units, ContentDefinitionManager types) : PageModel
{
    [BindProperty]
    public ObligationInput Input { get; set; } = new() { DueDay = 5 };

    public bool IsNew { get; private set; } = true;

    public IReadOnlyList<UnitChoice> Units { get; private set; } = [];

    public IReadOnlyList<(string Name, string DisplayName)> ContentTypes { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            var obligation = await catalog.FindAsync(id, cancellationToken);
            if (obligation is null)
            {
                return NotFound();
            }

            Input = ObligationInput.From(obligation);
            IsNew = false;
        }

        await LoadListsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken cancellationToken)
    {
        await LoadListsAsync(cancellationToken);
        IsNew = id is null;
        if (id is not null)
        {
            if (await catalog.FindAsync(id, cancellationToken) is null)
            {
                return NotFound();
            }

            // The address names the obligation; a posted id cannot move the edit to another one.
            Input.Id = id;
        }
        else if (Input.Id is not null && await catalog.FindAsync(Input.Id, cancellationToken) is not null)
        {
            return Invalid($"Đã có nghĩa vụ mã '{Input.Id}'.");
        }

        if (!ModelState.IsValid)
        {
            return Invalid("Dữ liệu nhập không hợp lệ: " + string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        }

        try
        {
            var saved = await catalog.SaveAsync(Input, cancellationToken);
            TempData["Message"] = $"Đã lưu nghĩa vụ «{saved.Title}».";
            return Redirect("/admin/nghia-vu-bao-cao/danh-muc");
        }
        catch (ObligationInputException ex)
        {
            return Invalid(ex.Message);
        }
    }

    private PageResult Invalid(string message)
    {
        Error = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        Units = await units.ListActiveAsync(cancellationToken);
        ContentTypes = [.. (await types.ListTypesAsync(cancellationToken)).OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => (t.Name, t.DisplayName))];
    }
}
