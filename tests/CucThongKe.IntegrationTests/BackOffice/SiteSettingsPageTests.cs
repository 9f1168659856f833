using System.Net;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.BackOffice;

/// <summary>The site settings page (issue 16 item 6): the office's contacts edited in the back office reach the public
/// footer and contact page, recorded; bad input is refused with nothing stored.</summary>
public sealed class SiteSettingsPageTests() : SiteTestBase(DatabaseProvider.Sqlite)
{
    private static Dictionary<string, string> Form(string email = "vanphong@thongkethainguyen.gov.vn", string baseUrl = "", string pageSize = "20") => new()
    {
        ["Input.SiteName"] = "Trang thông tin điện tử Cục Thống kê tỉnh Thái Nguyên",
        ["Input.OwnerName"] = "Cục Thống kê tỉnh Thái Nguyên",
        ["Input.Address"] = "Số 4 đường Hoàng Văn Thụ, phường Phan Đình Phùng, thành phố Thái Nguyên",
        ["Input.Phone"] = "0208 3851 234",
        ["Input.Email"] = email,
        ["Input.BaseUrl"] = baseUrl,
        ["Input.ResponsiblePerson"] = "Nguyễn Thị Hương, Cục trưởng",
        ["Input.Citation"] = "Thông tin khai thác từ Trang Thông tin điện tử Cục Thống kê tỉnh Thái Nguyên",
        ["Input.PageSize"] = pageSize,
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/admin/cai-dat");
        return await client.PostAsync("/admin/cai-dat", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task The_administrator_changes_the_contacts_and_the_public_pages_show_them_and_bad_input_stores_nothing()
    {
        var admin = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(admin, TestSite.AdminUserName, TestSite.AdminPassword));

        var before = await DatabaseSnapshot.TakeAsync(Site);
        foreach (var (form, message) in new[]
        {
            (Form(email: "khong-phai-thu"), "thư điện tử không hợp lệ"),
            (Form(baseUrl: "javascript:alert(1)"), "http(s) đầy đủ"),
            (Form(pageSize: "1000"), "từ 5 đến 100"),
            (new Dictionary<string, string>(Form()) { ["Input.SiteName"] = " " }, "Hãy nhập tên trang"),
        })
        {
            var refused = await PostAsync(admin, form);
            AssertStatus(HttpStatusCode.BadRequest, refused);
            Assert.Contains(message, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        await before.AssertUnchangedAsync(Site);

        // The contact page is in the page cache before the change (its second answer comes from it): the change drops it.
        var reader = Client();
        Assert.DoesNotContain("Số 4 đường Hoàng Văn Thụ", await reader.GetStringAsync("/lien-he"), StringComparison.Ordinal);
        Assert.NotNull((await reader.GetAsync("/lien-he")).Headers.Age);

        AssertStatus(HttpStatusCode.Redirect, await PostAsync(admin, Form()));
        var contact = await Client().GetStringAsync("/lien-he");
        Assert.Contains("Số 4 đường Hoàng Văn Thụ", contact, StringComparison.Ordinal);
        Assert.Contains("mailto:vanphong@thongkethainguyen.gov.vn", contact, StringComparison.Ordinal);
        Assert.Contains("0208 3851 234", contact, StringComparison.Ordinal);
        var entry = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<AdminAuditEntry>().SingleAsync(e => e.Action == AdminAuditActions.SiteSettings));
        Assert.Equal(TestSite.AdminUserName, entry.UserName);
        Assert.Contains("Hoàng Văn Thụ", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analytics_is_off_by_default_and_a_named_script_is_loaded_with_only_its_origin_allowed_while_forged_values_store_nothing()
    {
        // Off by default: no script of another site on the public pages, nothing but the site itself in the policy.
        var home = await Client().GetAsync("/");
        Assert.DoesNotContain("<script src=\"https://", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", ScriptPolicy(home), StringComparison.Ordinal);

        await RunRecipeAsync("backoffice-users.recipe.json");
        var admin = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(admin, TestSite.AdminUserName, TestSite.AdminPassword));
        // The publisher signs in before the snapshot (a sign-in is recorded): they work in the back office, not in its settings.
        var publisher = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(publisher, "dangtin", "Demo@2026!ctk"));
        var before = await DatabaseSnapshot.TakeAsync(Site);
        foreach (var forged in new[]
        {
            "javascript:alert(1)", "data:text/javascript,alert(1)", "http://thongke.thainguyen.gov.vn/matomo.js", "//thongke.thainguyen.gov.vn/matomo.js",
            "https://thongke.thainguyen.gov.vn/matomo.js\"></script><script>alert(1)</script>", "https://thongke.thainguyen.gov.vn/a.js; script-src *",
            "https://*.thainguyen.gov.vn/matomo.js", "https://quantri:matkhau@thongke.thainguyen.gov.vn/matomo.js", "https://127.0.0.1/matomo.js",
            "https://thongke.thainguyen.gov.vn/" + new string('a', 500) + ".js",
        })
        {
            var refused = await PostAsync(admin, new Dictionary<string, string>(Form()) { ["Input.AnalyticsScriptUrl"] = forged });
            AssertStatus(HttpStatusCode.BadRequest, refused);
            Assert.Contains("Địa chỉ tập lệnh thống kê truy cập phải là một địa chỉ https đầy đủ", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // One role too few: the publisher's forged post is refused.
        var form = Form();
        form["Input.AnalyticsScriptUrl"] = "https://ke-gian.example.com/theo-doi.js";
        form["__RequestVerificationToken"] = await AntiforgeryTokenAsync(publisher, "/admin");
        AssertStatus(HttpStatusCode.Forbidden, await publisher.PostAsync("/admin/cai-dat", new FormUrlEncodedContent(form)));
        await before.AssertUnchangedAsync(Site);

        // On: the public pages load the script and their policy allows its origin, exactly; the back office and the sign-in page neither.
        AssertStatus(HttpStatusCode.Redirect, await PostAsync(admin, new Dictionary<string, string>(Form()) { ["Input.AnalyticsScriptUrl"] = " https://thongke.thainguyen.gov.vn:8443/matomo/tag.js?id=3 " }));
        var page = await Client().GetAsync("/lien-he");
        Assert.Contains("<script src=\"https://thongke.thainguyen.gov.vn:8443/matomo/tag.js?id=3\" async></script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Matches(@"^'self' 'nonce-[^']+' https://thongke\.thainguyen\.gov\.vn:8443$", ScriptPolicy(page));
        Assert.Contains("connect-src 'self' https://thongke.thainguyen.gov.vn:8443;", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var signIn = await Client().GetAsync("/dang-nhap");
        Assert.DoesNotContain("thongke.thainguyen.gov.vn", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", ScriptPolicy(signIn), StringComparison.Ordinal);
        var settings = await admin.GetAsync("/admin/cai-dat");
        Assert.Contains("value=\"https://thongke.thainguyen.gov.vn:8443/matomo/tag.js?id=3\"", await settings.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", ScriptPolicy(settings), StringComparison.Ordinal);
    }

    /// <summary>The sources of the answer's <c>script-src</c> directive.</summary>
    private static string ScriptPolicy(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single().Split(';').Select(d => d.Trim())
            .Single(d => d.StartsWith("script-src ", StringComparison.Ordinal))["script-src ".Length..];
}
