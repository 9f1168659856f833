using System.Net;
using CucThongKe.Core.Cluster;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Cluster;

/// <summary>The data-protection key ring is in the database: what one node signs, every node reads.</summary>
public sealed class KeyRingTests() : SiteTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task A_form_from_node_a_signs_in_on_node_b_and_node_bs_cookie_opens_the_back_office_on_node_a()
    {
        var nodeFolder = Directory.CreateTempSubdirectory("cucthongke-node-b").FullName;
        try
        {
            using var nodeB = new TestSite(dataPath: nodeFolder, sharedConnectionString: Site.SharedConnectionString);
            using var onA = Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            using var onB = nodeB.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

            // The sign-in form and its antiforgery cookie come from node A...
            var form = await onA.GetAsync("/dang-nhap");
            var antiforgery = Cookies(form);
            var token = FormToken(await form.Content.ReadAsStringAsync());
            // ...the form is posted to node B, which must read node A's token...
            using var post = new HttpRequestMessage(HttpMethod.Post, "/dang-nhap")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Input.UserName"] = TestSite.AdminUserName,
                    ["Input.Password"] = TestSite.AdminPassword,
                }),
            };
            post.Headers.Add("Cookie", antiforgery);
            var signedIn = await onB.SendAsync(post);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

            // ...and node B's sign-in cookie opens the back office on node A.
            using var admin = new HttpRequestMessage(HttpMethod.Get, "/admin");
            admin.Headers.Add("Cookie", Cookies(signedIn));
            AssertStatus(HttpStatusCode.OK, await onA.SendAsync(admin));

            // One key ring, in the database; neither node wrote keys into its data folder.
            var keys = await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<DataProtectionKey>().CountAsync());
            Assert.Equal(1, keys);
            Assert.False(Directory.Exists(Path.Combine(Site.DataPath, "keys")));
            Assert.False(Directory.Exists(Path.Combine(nodeFolder, "keys")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TestFolders.Delete(nodeFolder);
        }
    }

    [Fact]
    public async Task An_existing_sites_keys_folder_is_copied_into_the_database_once_so_what_it_signed_still_opens()
    {
        var folder = Directory.CreateTempSubdirectory("cucthongke-keys-upgrade").FullName;
        try
        {
            // The site as the previous version left it: its key ring in {DataPath}/keys, a cookie signed with it.
            var before = DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(folder, "keys")), b => b.SetApplicationName("CucThongKe"));
            var signed = before.CreateProtector("phiên đăng nhập").Protect("Nguyễn Văn Thống");

            using var site = new TestSite(dataPath: folder);
            // The template already ran every upgrade; this site was set up before this one existed.
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "cucthongke.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var forget = connection.CreateCommand();
                forget.CommandText = "UPDATE Settings SET Json = json_remove(Json, '$.DataProtectionKeysInDatabase') WHERE Name = 'Upgrades'";
                Assert.Equal(1, await forget.ExecuteNonQueryAsync());
            }

            var opened = site.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("phiên đăng nhập").Unprotect(signed);

            Assert.Equal("Nguyễn Văn Thống", opened);
            var names = await site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<DataProtectionKey>().Select(k => k.Name).ToListAsync());
            var file = Assert.Single(Directory.GetFiles(Path.Combine(folder, "keys"), "*.xml"));
            Assert.Single(names, Path.GetFileNameWithoutExtension(file));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TestFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task Several_nodes_on_sqlite_stop_start_up_with_one_sentence_saying_why()
    {
        var data = Directory.CreateTempSubdirectory("cucthongke-nodes").FullName;
        var (started, errors) = await StartupTests.InitializeAsync(
            ["--Cms:DataPath=" + data, "--Cms:Cluster:MultipleNodes=true", "--Logging:LogLevel:Default=None"], () => TestFolders.Delete(data));

        Assert.False(started);
        Assert.Equal(CmsInitializer.MultipleNodesWithout(postgres: true, redis: true), errors.Trim());
        Assert.Contains("PostgreSQL", errors, StringComparison.Ordinal);
    }

    internal static string FormToken(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    internal static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);
}
