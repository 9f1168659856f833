using Microsoft.Playwright;

namespace CucThongKe.Tests.Browser.Pages;

/// <summary>What every public page has: the main menu, the headings, the links in the content.</summary>
public class PublicPage(IPage page, string baseUrl)
{
    protected IPage Page => page;

    protected string BaseUrl => baseUrl;

    public Task OpenAsync(string path) => page.GotoAsync(baseUrl + path);

    public Task FollowMenuAsync(string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Menu chính" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();

    public Task FollowLinkAsync(string name) =>
        page.Locator("main").GetByRole(AriaRole.Link, new() { Name = name }).First.ClickAsync();

    public ILocator Heading(string name) => page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });

    /// <summary>Clicks a download link and returns the bytes the browser saved.</summary>
    public async Task<(string FileName, byte[] Content)> DownloadAsync(string linkName)
    {
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("main").GetByRole(AriaRole.Link, new() { Name = linkName }).ClickAsync());
        var saved = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(saved));
    }
}

/// <summary>The document lookup (/van-ban).</summary>
public sealed class DocumentLookupPage(IPage page, string baseUrl) : PublicPage(page, baseUrl)
{
    private ILocator Form => Page.GetByRole(AriaRole.Form, new() { Name = "Tra cứu văn bản" });

    public async Task SearchByNumberAsync(string number)
    {
        await Form.GetByLabel("Số/ký hiệu").FillAsync(number);
        await Form.GetByRole(AriaRole.Button, new() { Name = "Tìm văn bản" }).ClickAsync();
    }

    public ILocator ResultCount => Page.GetByRole(AriaRole.Status);

    /// <summary>The numbers in the results table, in order.</summary>
    public Task<IReadOnlyList<string>> NumbersAsync() => Page.Locator("table.data-table tbody th[scope=row]").AllInnerTextsAsync();
}

/// <summary>A socio-economic report with its data tables.</summary>
public sealed class ReportPage(IPage page, string baseUrl) : PublicPage(page, baseUrl)
{
    public ILocator Table(string caption) =>
        Page.Locator("table").Filter(new() { Has = Page.Locator("caption", new() { HasTextString = caption }) });

    /// <summary>The value in the row headed <paramref name="row"/> and the column headed <paramref name="column"/>, read as a person reads a table.</summary>
    public async Task<string> CellAsync(string caption, string row, string column)
    {
        var table = Table(caption);
        var columns = await table.Locator("thead th[scope=col]").AllInnerTextsAsync();
        var index = columns.ToList().FindIndex(c => c.Trim() == column);
        Assert.True(index > 0, $"No column '{column}' in the table '{caption}': {string.Join(" | ", columns)}");
        var tableRow = table.Locator("tbody tr").Filter(new() { Has = Page.Locator("th[scope=row]", new() { HasTextString = row }) });
        return (await tableRow.Locator("th, td").Nth(index).InnerTextAsync()).Trim();
    }
}

/// <summary>A citizen's form (Q&amp;A or feedback) and its status page, where <paramref name="area"/> is /hoi-dap or /gop-y.</summary>
public sealed class CitizenFormPages(IPage page, string baseUrl, string area) : PublicPage(page, baseUrl)
{
    /// <summary>Fills in and sends the form; <paramref name="messageLabel"/> names its text box, <paramref name="button"/> its send button.</summary>
    public async Task SendAsync(string name, string email, string unit, string messageLabel, string message, string button)
    {
        await Page.GetByLabel("Họ và tên").FillAsync(name);
        await Page.GetByLabel("Thư điện tử (bắt buộc").FillAsync(email);
        await Page.GetByLabel("Đơn vị hoặc lĩnh vực").SelectOptionAsync(new SelectOptionValue { Label = unit });
        await Page.GetByLabel(messageLabel).FillAsync(message);
        await Page.GetByLabel("Tôi đồng ý").CheckAsync();

        // The form refuses what is sent faster than a person types (the anti-spam check).
        await Task.Delay(TimeSpan.FromSeconds(3.2));
        await Page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
    }

    public Task<string> TrackingCodeAsync() => Page.Locator(".tracking-code").InnerTextAsync();

    public async Task CheckStatusAsync(string codeLabel, string code)
    {
        await OpenAsync(area + "/tra-cuu");
        await Page.GetByLabel(codeLabel).FillAsync(code);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
    }

    /// <summary>The value shown against a label in the status list (Mã số, Ngày nhận, Tình trạng).</summary>
    public Task<string> FactAsync(string label) =>
        Page.Locator($"dl.facts dt:text-is('{label}') + dd").InnerTextAsync();
}

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
