using CucThongKe.Core.Settings;
using Microsoft.AspNetCore.Http;

namespace CucThongKe.Tests.Settings;

/// <summary>The analytics script's address (issue 16 item 6): what the settings page accepts, the one origin the policy gets,
/// and the pages that load it.</summary>
public sealed class AnalyticsScriptTests
{
    [Theory]
    [InlineData("https://thongke.thainguyen.gov.vn/matomo.js", "https://thongke.thainguyen.gov.vn/matomo.js", "https://thongke.thainguyen.gov.vn")]
    [InlineData(" https://Thongke.ThaiNguyen.gov.vn:8443/js/tag.js?id=3&v=2 ", "https://thongke.thainguyen.gov.vn:8443/js/tag.js?id=3&v=2", "https://thongke.thainguyen.gov.vn:8443")]
    [InlineData("https://thongke.thainguyen.gov.vn:443/matomo.js", "https://thongke.thainguyen.gov.vn/matomo.js", "https://thongke.thainguyen.gov.vn")]
    public void A_plain_https_address_is_accepted_and_gives_exactly_its_origin(string value, string url, string origin)
    {
        var script = AnalyticsScript.Parse(value, out var valid);

        Assert.True(valid);
        Assert.Equal(new AnalyticsScript(url, origin), script);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_is_analytics_off(string? value)
    {
        Assert.Null(AnalyticsScript.Parse(value, out var valid));
        Assert.True(valid);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/javascript,alert(1)")]
    [InlineData("http://thongke.thainguyen.gov.vn/matomo.js")]
    [InlineData("//thongke.thainguyen.gov.vn/matomo.js")]
    [InlineData("/js/matomo.js")]
    [InlineData("https://thongke.thainguyen.gov.vn/a.js\"><script>alert(1)</script>")]
    [InlineData("https://thongke.thainguyen.gov.vn/a.js'onload='alert(1)")]
    [InlineData("https://thongke.thainguyen.gov.vn/a.js; script-src *")]
    [InlineData("https://thongke.thainguyen.gov.vn/a b.js")]
    [InlineData("https://*.thainguyen.gov.vn/matomo.js")]
    [InlineData("https://quantri:matkhau@thongke.thainguyen.gov.vn/matomo.js")]
    [InlineData("https://127.0.0.1/matomo.js")]
    [InlineData("https://localhost/matomo.js")]
    [InlineData("https://thongke.thainguyen.gov.vn/matomo.js#x")]
    [InlineData("https://thống-kê.vn/matomo.js")]
    public void A_forged_or_loose_address_is_refused(string value)
    {
        Assert.Null(AnalyticsScript.Parse(value, out var valid));
        Assert.False(valid);
    }

    [Fact]
    public void An_address_longer_than_the_limit_is_refused()
    {
        Assert.Null(AnalyticsScript.Parse("https://thongke.thainguyen.gov.vn/" + new string('a', AnalyticsScript.MaxLength) + ".js", out var valid));
        Assert.False(valid);
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/tin-tuc/hoi-nghi", true)]
    [InlineData("/lien-he", true)]
    [InlineData("/admin", false)]
    [InlineData("/admin/cai-dat", false)]
    [InlineData("/api/content", false)]
    [InlineData("/dang-nhap", false)]
    [InlineData("/dang-nhap/ma-xac-thuc", false)]
    [InlineData("/quen-mat-khau", false)]
    [InlineData("/dat-lai-mat-khau", false)]
    public void Only_public_pages_load_the_script(string path, bool tracked) => Assert.Equal(tracked, AnalyticsScript.Tracks(new PathString(path)));
}
