using System.Net;
using CucThongKe.Core.Hosting;

namespace CucThongKe.Tests.Security;

/// <summary>A token is a password's equal: no browser, proxy or cache may keep the answer that carries it.</summary>
public sealed class TokenAnswerIsNotStoredTests() : SecurityTestBase(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task The_token_answer_and_its_refusals_forbid_caching()
    {
        await AddPeopleAsync();

        var issued = await RequestTokenAsync(Contributor);
        var refused = await RequestTokenAsync(Contributor, "Sai@2026!matkhau");

        AssertStatus(HttpStatusCode.OK, issued);
        foreach (var response in new[] { issued, refused })
        {
            Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
            Assert.Contains("no-cache", response.Headers.Pragma.Select(p => p.Name));
        }
    }
}
