using System.Text;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Core.Pages.Admin.Recipes;

/// <summary>Lists the recipes the site knows; runs an uploaded one; exports the site as a recipe.</summary>
[Authorize(Policy = "ManageRecipes")]
public sealed class IndexModel(RecipeHarvester harvester, RecipeExecutor executor, RecipeExportService exporter) : PageModel
{
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    public IReadOnlyList<RecipeEntry> Recipes { get; private set; } = [];

    public IReadOnlyList<RecipeException> Errors { get; private set; } = [];

    public string? ErrorMessage { get; private set; }

    public void OnGet() => Load();

    [RequestSizeLimit(MaxUploadBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes + 64 * 1024)]
    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, bool confirm, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return Fail("Hãy chọn một tệp công thức.");
        }

        if (file.Length > MaxUploadBytes)
        {
            return Fail("Tệp công thức lớn hơn 10 MB.");
        }

        if (!confirm)
        {
            return Fail("Hãy xác nhận trước khi chạy công thức.");
        }

        try
        {
            string json;
            using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8))
            {
                json = await reader.ReadToEndAsync(cancellationToken);
            }

            var recipe = RecipeDocument.Parse(Path.GetFileName(file.FileName), json);
            await executor.ExecuteAsync(recipe, RecipeRunOptions.BackOffice(User.Identity!.Name!), cancellationToken);
            TempData["Message"] = $"Đã chạy công thức '{recipe.DisplayName ?? recipe.Name}'.";
            return RedirectToPage();
        }
        catch (RecipeException ex)
        {
            return Fail(ex.Message + " Không có thay đổi nào được lưu.");
        }
    }

    public async Task<IActionResult> OnPostExportAsync(bool includeContent, CancellationToken cancellationToken)
    {
        var document = await exporter.ExportAsync(new RecipeExportOptions(includeContent), cancellationToken);
        var bytes = Encoding.UTF8.GetBytes(document.ToJsonString(CmsJson.Indented));
        return File(bytes, "application/json; charset=utf-8", $"{document["name"]}.recipe.json");
    }

    private PageResult Fail(string message)
    {
        Load();
        ErrorMessage = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void Load()
    {
        Recipes = harvester.Harvest();
        Errors = harvester.HarvestErrors();
    }
}
