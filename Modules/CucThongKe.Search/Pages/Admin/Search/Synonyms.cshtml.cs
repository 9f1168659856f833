using CucThongKe.Search.Querying;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Search.Pages.Admin.Search;

/// <summary>The search's synonym list, one group a line; a saved list applies to the next search, with no restart.</summary>
[Authorize(Policy = "ManageSearchSynonyms")]
public sealed class SynonymsModel(SearchSynonyms synonyms) : PageModel
{
    /// <summary>The list's text at most: 500 lines of ten phrases of 80 characters would be more, no real list is.</summary>
    public const int MaxTextLength = 100_000;

    [BindProperty]
    public string? Lines { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public int GroupCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var stored = await synonyms.StoredAsync(cancellationToken);
        Lines = stored.ToLines();
        GroupCount = stored.Groups.Count;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (groups, errors) = Lines is { Length: > MaxTextLength }
            ? ([], [$"Danh sách dài quá {MaxTextLength:N0} ký tự."])
            : SynonymList.ParseLines(Lines);
        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await synonyms.SaveAsync(groups, cancellationToken);
        TempData["Message"] = $"Đã lưu {groups.Count} nhóm từ đồng nghĩa; áp dụng ngay cho các lượt tìm kiếm sau.";
        return RedirectToPage();
    }
}
