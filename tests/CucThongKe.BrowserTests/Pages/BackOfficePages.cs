using Microsoft.Playwright;
using OtpNet;

namespace CucThongKe.Tests.Browser.Pages;

/// <summary>The sign-in pages, as a user sees them.</summary>
public sealed class SignInPage(IPage page, string baseUrl)
{
    public async Task SignInAsync(string userName, string password)
    {
        await page.GotoAsync(baseUrl + "/dang-nhap");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
    }

    /// <summary>Scans the authenticator key shown on the set-up page and turns two-factor sign-in on; returns the key.</summary>
    public async Task<Totp> SetUpAuthenticatorAsync()
    {
        var key = (await page.Locator("code.authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));
        await page.GetByLabel("Mã xác thực").FillAsync(totp.ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Bật xác thực hai bước" }).ClickAsync();
        return totp;
    }

    public async Task EnterCodeAsync(string code)
    {
        await page.GetByLabel("Mã xác thực hoặc mã khôi phục").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
    }
}

/// <summary>The content editor.</summary>
public sealed class EditorPage(IPage page, string baseUrl)
{
    public Task OpenNewAsync(string type) => page.GotoAsync($"{baseUrl}/admin/contents/create/{type}");

    public Task FillTitleAsync(string title) => page.Locator("#f-TitlePart-Title").FillAsync(title);

    /// <summary>Pastes HTML into the rich-text editor as a clipboard paste would.</summary>
    public async Task PasteIntoBodyAsync(string html)
    {
        var editor = page.Locator(".jodit-wysiwyg").First;
        await editor.ClickAsync();
        await editor.EvaluateAsync(
            "(el, html) => { const data = new DataTransfer(); data.setData('text/html', html); data.setData('text/plain', html); el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); }",
            html);
    }

    public Task ChooseAsync(string label, string optionText) => page.GetByLabel(label).SelectOptionAsync(new SelectOptionValue { Label = optionText });

    public Task SaveDraftAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
}
