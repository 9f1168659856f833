using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser.Pages;

/// <summary>The public search page, /tim-kiem, as a reader uses it.</summary>
public sealed class SearchPage(IPage page, string baseUrl)
{
    public Task OpenAsync() => page.GotoAsync(baseUrl + "/tim-kiem");

    public async Task SearchAsync(string words)
    {
        // The page's own form (the site header has a search box too).
        var form = page.Locator("section.search form[role=search]");
        await form.GetByRole(AriaRole.Searchbox, new() { Name = "Từ khoá" }).FillAsync(words);
        await form.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
    }

    /// <summary>The "Tìm thấy N kết quả" line.</summary>
    public ILocator Count => page.Locator(".search .count");

    public ILocator ResultTitles => page.Locator(".results .result h2 a");

    public Task FilterAsync(string facetText) => page.Locator(".facets").GetByRole(AriaRole.Link, new() { Name = facetText }).ClickAsync();

    public Task OpenResultAsync(string title) => ResultTitles.GetByText(title, new() { Exact = true }).ClickAsync();
}
