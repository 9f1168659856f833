using System.Net;
using System.Text.RegularExpressions;
using CucThongKe.Core.Hosting;
using CucThongKe.Tests.Site;

namespace CucThongKe.Tests.Security;

/// <summary>Every redirect a user's value chooses (the font-size links' <c>quayLai</c>, the sign-in's <c>returnUrl</c>)
/// stays on this site, whatever encoding or character the value hides a second slash in.</summary>
/// <remarks>Every test only reads: one site for the class (<paramref name="shared"/>), a new client per request as before.</remarks>
public sealed partial class OpenRedirectTests(SharedSite shared) : SiteTestBase(DatabaseProvider.Sqlite), IClassFixture<SharedSite>
{
    /// <summary>Each, after the query string is decoded, is something a browser reads as another origin.</summary>
    public static TheoryData<string> OffSite => new()
    {
        "/%09/evil.example",          // a tab, which browsers drop: //evil.example
        "/%0A/evil.example",          // a line feed, dropped too
        "/%0D/evil.example",
        "/%5Cevil.example",           // /\evil.example
        "%5C%5Cevil.example",
        "/%5C/evil.example",
        "//evil.example",
        "%2F%2Fevil.example",
        "/%252F%252Fevil.example",    // decoded once more: //evil.example
        "https://evil.example/",
        "javascript:alert(1)",
        " //evil.example",
        "%E2%80%A8//evil.example",
    };

    [Theory]
    [MemberData(nameof(OffSite))]
    public async Task The_font_size_links_never_send_a_reader_to_another_origin(string quayLai)
    {
        var response = await (await shared.ClientAsync(Provider)).GetAsync("/co-chu/lon?quayLai=" + quayLai);

        AssertStatus(HttpStatusCode.Redirect, response);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(OffSite))]
    public async Task The_sign_in_page_never_carries_an_offsite_return_address(string returnUrl)
    {
        var html = await (await shared.ClientAsync(Provider)).GetStringAsync("/dang-nhap?returnUrl=" + returnUrl);

        Assert.Equal("/admin", ReturnField().Match(html).Groups[1].Value);
    }

    [Fact]
    public async Task A_path_of_this_site_is_still_a_fine_return_address()
    {
        var response = await (await shared.ClientAsync(Provider)).GetAsync("/co-chu/lon?quayLai=%2Fvan-ban%3Fso%3D181%2FQ%C4%90-CTK");
        var html = await (await shared.ClientAsync(Provider)).GetStringAsync("/dang-nhap?returnUrl=%2Fadmin%2Fcontents");

        Assert.Equal("/van-ban?so=181/Q%C4%90-CTK", response.Headers.Location?.OriginalString);
        Assert.Equal("/admin/contents", ReturnField().Match(html).Groups[1].Value);
        Assert.True(LocalUrl.IsSafe("/tin-tuc/chuyen-muc/hoat-dong"));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnField();
}
