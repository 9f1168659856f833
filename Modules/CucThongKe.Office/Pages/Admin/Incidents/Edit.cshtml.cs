using CucThongKe.Office.Incidents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Office.Pages.Admin.Incidents;

/// <summary>Records a new incident, or shows one and updates it (what was proposed and done, status); a refused input is a 400 and stores nothing.</summary>
[Authorize(Policy = "ManageIncidents")]
public sealed class EditModel(IncidentLog log) : PageModel
{
    [BindProperty]
    public IncidentInput Input { get; set; } = new();

    public Incident? Incident { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? id, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            Incident = await log.FindAsync(existing, cancellationToken);
            if (Incident is null)
            {
                return NotFound();
            }

            Input = IncidentInput.From(Incident);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            Incident = await log.FindAsync(existing, cancellationToken);
            if (Incident is null)
            {
                return NotFound();
            }
        }

        if (!ModelState.IsValid)
        {
            return Invalid("Dữ liệu nhập không hợp lệ: " + string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        }

        try
        {
            var userName = User.Identity!.Name!;
            var saved = id is { } incidentId
                ? await log.UpdateAsync(incidentId, Input, userName, cancellationToken)
                : await log.AddAsync(Input, userName, cancellationToken);
            if (saved is null)
            {
                return NotFound();
            }

            TempData["Message"] = $"Đã lưu sự cố «{saved.Title}».";
            return Redirect($"/admin/su-co/ghi/{saved.Id}");
        }
        catch (IncidentInputException ex)
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
}
