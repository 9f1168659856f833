using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser.Pages;

/// <summary>The inbox ("Việc chờ tôi xử lý") and an item's workflow page with its buttons and record.</summary>
public sealed class WorkflowPages(IPage page, string baseUrl)
{
    public Task OpenInboxAsync() => page.GotoAsync(baseUrl + "/admin/quy-trinh");

    /// <summary>Opens the item from the inbox by its title, as a user clicks it.</summary>
    public async Task OpenFromInboxAsync(string title)
    {
        await OpenInboxAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin/quy-trinh/noi-dung/**");
    }

    /// <summary>Writes a comment into the form of the step and presses its button; waits for the page to come back.</summary>
    public async Task TakeStepAsync(string buttonName, string comment)
    {
        var form = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = buttonName, Exact = true }) });
        await form.Locator("textarea").FillAsync(comment);
        await form.GetByRole(AriaRole.Button, new() { Name = buttonName, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public ILocator CurrentState => page.Locator(".card p").Filter(new() { HasText = "Bước hiện tại:" });

    /// <summary>The record's rows, each as its cells' text.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> RecordAsync()
    {
        var rows = page.Locator("table:has(caption:has-text('nhật ký')) tbody tr");
        var result = new List<IReadOnlyList<string>>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            result.Add([.. (await rows.Nth(i).Locator("td").AllInnerTextsAsync()).Select(t => t.Trim())]);
        }

        return result;
    }
}
