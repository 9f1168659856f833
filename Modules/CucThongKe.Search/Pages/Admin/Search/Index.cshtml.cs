using CucThongKe.Search.Indexing;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Search.Pages.Admin.Search;

/// <summary>The index's state on this node and the rebuild button; the rebuild runs in the background while search goes on.</summary>
[Authorize(Policy = "ManageSearch")]
public sealed class IndexModel(SearchIndexer indexer, RebuildStatus status, ILogger<IndexModel> logger) : PageModel
{
    public RebuildStatus Status => status;

    public string? Folder => indexer.Store.CurrentFolder;

    public long Cursor => indexer.Store.Cursor;

    public IActionResult OnPostRebuild()
    {
        if (status.Running)
        {
            TempData["Message"] = "Đang xây dựng lại chỉ mục; hãy chờ lần này xong.";
            return RedirectToPage();
        }

        status.Start();
        _ = Task.Run(async () =>
        {
            try
            {
                await indexer.RebuildAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Search index rebuild failed");
            }
        });
        TempData["Message"] = "Đã bắt đầu xây dựng lại chỉ mục. Tìm kiếm vẫn dùng chỉ mục cũ cho đến khi xong.";
        return RedirectToPage();
    }
}
