using CucThongKe.Core.Admin;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CucThongKe.Core.Pages.Admin;

/// <summary>The dashboard: a greeting, then what each module has for the signed-in user (their open tasks, what is late, their
/// profile...); the page only lays the blocks out, each module decides what its block says to whom.</summary>
public sealed class IndexModel(IEnumerable<IDashboardWidget> widgets) : PageModel
{
    public IReadOnlyList<DashboardBlock> Blocks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var blocks = new List<DashboardBlock>();
        foreach (var widget in widgets.OrderBy(w => w.Order))
        {
            if (await widget.BuildAsync(User, cancellationToken) is { } block)
            {
                blocks.Add(block);
            }
        }

        // What is late first (a stable sort: the widgets' order stays within each group).
        Blocks = [.. blocks.OrderByDescending(b => b.Urgent)];
    }
}
