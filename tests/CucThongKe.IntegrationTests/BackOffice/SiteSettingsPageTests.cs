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
}
