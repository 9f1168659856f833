using CucThongKe.Contents.Taxonomies;
using CucThongKe.Contents.TaxonomyAdmin;
using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Contents.Pages.Admin.Taxonomies;

/// <summary>The taxonomies, and one taxonomy's terms: add, rename, reorder, merge, and the items that use a term.</summary>
[Authorize(Policy = "ManageTaxonomies")]
public sealed class IndexModel(TaxonomyAdministration taxonomies, FailureStatuses failures) : PageModel
{
    public IReadOnlyList<Taxonomy> All { get; private set; } = [];

    public Taxonomy? Current { get; private set; }

    public IReadOnlyList<TermRow> Terms { get; private set; } = [];

    public TaxonomyTerm? Selected { get; private set; }

    public IReadOnlyList<TermUsage> Usage { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? name, string? muc, CancellationToken cancellationToken) =>
        await LoadAsync(name, muc, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddAsync(string? name, string? termName, string? parentId, CancellationToken cancellationToken) =>
        RunAsync(name, ct => taxonomies.AddAsync(name!, termName, parentId, ct), t => $"Đã thêm mục «{t.Name}».", cancellationToken);

    public Task<IActionResult> OnPostRenameAsync(string? name, string? termId, string? termName, CancellationToken cancellationToken) =>
        RunAsync(name, ct => taxonomies.RenameAsync(name!, termId ?? "", termName, ct), t => $"Đã đổi tên mục thành «{t.Name}».", cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(string? name, string? termId, bool up, CancellationToken cancellationToken) =>
        RunAsync(name, ct => taxonomies.MoveAsync(name!, termId ?? "", up, ct), t => $"Đã chuyển mục «{t.Name}» {(up ? "lên" : "xuống")}.", cancellationToken);

    public Task<IActionResult> OnPostMergeAsync(string? name, string? termId, string? intoId, CancellationToken cancellationToken) =>
        RunAsync(name, ct => taxonomies.MergeAsync(name!, termId ?? "", intoId, User.Identity!.Name!, ct), n => $"Đã gộp mục: {n} nội dung chuyển sang mục mới.", cancellationToken);

    private async Task<IActionResult> RunAsync<T>(string? name, Func<CancellationToken, Task<T>> change, Func<T, string> done, CancellationToken cancellationToken)
    {
        if (name is null || await taxonomies.FindAsync(name, cancellationToken) is null)
        {
            return NotFound();
        }

        try
        {
            var result = await change(cancellationToken);
            TempData["Message"] = done(result);
            return Redirect($"/admin/danh-muc/{name}");
        }
        catch (Exception ex) when (failures.Describe(ex) is { } failure)
        {
            Error = this.ShowFailure(failure);
            await LoadAsync(name, null, cancellationToken);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string? name, string? termId, CancellationToken cancellationToken)
    {
        All = await taxonomies.ListAsync(cancellationToken);
        if (name is null)
        {
            return true;
        }

        Current = All.FirstOrDefault(t => t.Name == name);
        if (Current is null)
        {
            return false;
        }

        Terms = await taxonomies.TermsAsync(name, cancellationToken);
        Selected = Terms.Select(r => r.Term).FirstOrDefault(t => t.TermId == termId);
        if (Selected is not null)
        {
            Usage = await taxonomies.UsageAsync(name, Selected.TermId, cancellationToken);
        }

        return true;
    }
}
