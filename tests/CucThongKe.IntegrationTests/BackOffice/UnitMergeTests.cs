using System.Net;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Auditing;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Workflows;
using CucThongKe.Users.Identity;
using CucThongKe.Users.Units;
using CucThongKe.Workflows.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.BackOffice;

/// <summary>Merging a unit (issue 16 item 6): its accounts and its items not yet published move to the unit it joins,
/// the approval chain's instances with them; published items stay; recorded; refused to a unit head and for bad input.</summary>
public sealed class UnitMergeTests() : WorkflowTestBase(DatabaseProvider.Sqlite)
{
    private const string DaiTu = "chi-cuc-huyen-dai-tu";
    private const string ThaiNguyen = "chi-cuc-thanh-pho-thai-nguyen";

    private static async Task<HttpResponseMessage> MergeAsync(HttpClient client, string into, string reason)
    {
        var token = await AntiforgeryTokenAsync(client, "/admin/tai-khoan");
        return await client.PostAsync($"/admin/units/{DaiTu}?handler=Merge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["mergeInto"] = into, ["mergeReason"] = reason, ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task A_merge_moves_the_units_accounts_and_pending_items_with_their_chain_and_is_recorded()
    {
        await AddPeopleAsync();
        var pending = await CreateNewsAsync("Kết quả điều tra lao động việc làm huyện Đại Từ", OtherContributor);
        await AdvanceAsync(pending, (OtherContributor, "submit"));
        var draft = await CreateNewsAsync("Bản nháp tin Đại Từ", OtherContributor);
        var admin = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(admin, TestSite.AdminUserName, TestSite.AdminPassword));
        var page = await admin.GetStringAsync($"/admin/units/{DaiTu}");
        Assert.Contains("2 nội dung chưa đăng", page, StringComparison.Ordinal);

        // The unit's own head may not merge it (403); an unknown unit, the unit itself and a missing reason are 400; nothing moves.
        var unitHead = await SignedInAsync(OtherUnitHead);
        var before = await DatabaseSnapshot.TakeAsync(Site);
        AssertStatus(HttpStatusCode.Forbidden, await MergeAsync(unitHead, ThaiNguyen, "Quyết định sáp nhập số 12/QĐ-CTK."));
        foreach (var (into, reason, message) in new[]
        {
            ("khong-co-don-vi", "Quyết định sáp nhập số 12/QĐ-CTK.", "Hãy chọn đơn vị nhận sáp nhập"),
            (DaiTu, "Quyết định sáp nhập số 12/QĐ-CTK.", "Hãy chọn đơn vị nhận sáp nhập"),
            (ThaiNguyen, "gộp", "Hãy ghi lý do sáp nhập"),
        })
        {
            var refused = await MergeAsync(admin, into, reason);
            AssertStatus(HttpStatusCode.BadRequest, refused);
            Assert.Contains(message, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        await before.AssertUnchangedAsync(Site);

        AssertStatus(HttpStatusCode.Redirect, await MergeAsync(admin, ThaiNguyen, "Quyết định sáp nhập số 12/QĐ-CTK."));
        await Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            Assert.Equal(ThaiNguyen, (await db.Set<CmsUser>().SingleAsync(u => u.UserName == OtherContributor)).UnitId);
            Assert.Equal(ThaiNguyen, (await db.Set<CmsUser>().SingleAsync(u => u.UserName == OtherUnitHead)).UnitId);
            Assert.All(await db.Set<ContentItem>().Where(c => c.ContentItemId == pending || c.ContentItemId == draft).ToListAsync(), c => Assert.Equal(ThaiNguyen, c.UnitId));
            Assert.Equal(ThaiNguyen, (await db.Set<WorkflowInstance>().SingleAsync(i => i.ContentItemId == pending)).UnitId);
            var unit = await db.Set<Unit>().SingleAsync(u => u.Id == DaiTu);
            Assert.Equal(ThaiNguyen, unit.SucceededById);
            var entry = await db.Set<AdminAuditEntry>().SingleAsync(e => e.Action == AdminAuditActions.UnitMerge);
            Assert.Equal("Quyết định sáp nhập số 12/QĐ-CTK.", entry.Reason);
            Assert.Equal(2, await db.Set<AdminAuditEntry>().CountAsync(e => e.Action == AdminAuditActions.ContentUnitTransfer));
        });
    }
}
