using CucThongKe.Core.Recipes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Core.Pages.Admin.Recipes;

/// <summary>Shows a known recipe's steps and runs it after confirmation.</summary>
[Authorize(Policy = "ManageRecipes")]
public sealed class RunModel(RecipeHarvester harvester, RecipeExecutor executor) : PageModel
{
    public RecipeEntry Entry { get; private set; } = null!;

    public string? ErrorMessage { get; private set; }

    public IActionResult OnGet(string? id)
    {
        var entry = id is null ? null : harvester.Find(id);
        if (entry is null)
        {
            return NotFound();
        }

        Entry = entry;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken cancellationToken)
    {
        var entry = id is null ? null : harvester.Find(id);
        if (entry is null)
        {
            return NotFound();
        }

        Entry = entry;
        try
        {
            await executor.ExecuteAsync(entry.Document, RecipeRunOptions.BackOffice(User.Identity!.Name!), cancellationToken);
        }
        catch (RecipeException ex)
        {
            ErrorMessage = ex.Message + " Không có thay đổi nào được lưu.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Message"] = $"Đã chạy công thức '{entry.Document.DisplayName ?? entry.Document.Name}'.";
        return RedirectToPage("Index");
    }
}
