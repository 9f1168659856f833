using System.Net;
using System.Text;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Media.Library;
using CucThongKe.Tests.BackOffice;
using CucThongKe.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Security;

/// <summary>An SVG is read whole before it is accepted: a script, an event handler, a javascript: link, embedded HTML or a
/// reference to another address anywhere in the file (not only in its first 8 KB) is refused.</summary>
/// <remarks>The refused files share one site (<paramref name="shared"/>): each is refused and none may be stored, so
/// every row still finds no file at all; the accepted drawing gets a site of its own.</remarks>
public sealed class UploadInspectionTests(SharedSite shared) : SiteTestBase(DatabaseProvider.Sqlite), IClassFixture<SharedSite>
{
    /// <summary>A drawing of about 20 KB: the payload comes after the first 8 KB the old check read.</summary>
    private static byte[] Svg(string payload)
    {
        var drawing = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 400 400\">\n");
        for (var i = 0; drawing.Length < 20 * 1024; i++)
        {
            drawing.Append("  <circle cx=\"").Append(i % 400).Append("\" cy=\"").Append(i * 7 % 400).Append("\" r=\"3\" fill=\"#0b3d91\"/>\n");
        }

        return Encoding.UTF8.GetBytes(drawing.Append(payload).Append("\n</svg>\n").ToString());
    }

    private Task<HttpClient> EditorAsync() => EditorAsync(Site);

    private static async Task<HttpClient> EditorAsync(TestSite site)
    {
        await RunRecipeAsync(site, "backoffice-users.recipe.json");
        var client = ClientOf(site);
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(client, "ctv.tonghop", "Demo@2026!ctk"));
        return client;
    }

    public static TheoryData<string, string> Hidden => new()
    {
        { "<script>alert(document.cookie)</script>", "script" },
        { "<rect width=\"10\" height=\"10\" onclick=\"alert(1)\"/>", "script" },
        { "<a href=\"javascript:alert(1)\"><text y=\"20\">Bấm</text></a>", "script" },
        { "<a xlink:href=\"&#106;avascript:alert(1)\"><text y=\"20\">Bấm</text></a>", "script" },
        { "<foreignObject width=\"100\" height=\"100\"><div xmlns=\"http://www.w3.org/1999/xhtml\">HTML</div></foreignObject>", "foreignObject" },
        { "<image href=\"https://evil.example/theo-doi.png\" width=\"1\" height=\"1\"/>", "bên ngoài" },
        { "<use xlink:href=\"https://evil.example/bieu-tuong.svg#a\"/>", "bên ngoài" },
        { "<style>@import url(https://evil.example/kieu.css);</style>", "CSS" },
        { "<rect width=\"10\" height=\"10\" style=\"fill:url(https://evil.example/x.svg#p)\"/>", "CSS" },
        { "<set attributeName=\"href\" to=\"javascript:alert(1)\"/>", "script" },
        { "<circle r=\"3\"", "XML" },
    };

    [Theory]
    [MemberData(nameof(Hidden))]
    public async Task An_svg_with_something_active_after_the_first_8_KB_is_refused(string payload, string reason)
    {
        var (site, client) = await shared.GetAsync(Provider, EditorAsync);

        var response = await MediaLibraryTests.UploadAsync(client, Svg(payload), "bieu-do.svg");

        AssertStatus(HttpStatusCode.BadRequest, response);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<MediaFile>().ToListAsync()));
    }

    [Fact]
    public async Task A_plain_drawing_with_inner_links_and_an_embedded_raster_is_accepted()
    {
        var client = await EditorAsync();
        var payload = "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#fff\"/></linearGradient></defs>" +
            "<rect width=\"10\" height=\"10\" fill=\"url(#g)\"/><use href=\"#g\"/>" +
            "<image width=\"1\" height=\"1\" href=\"data:image/png;base64,iVBORw0KGgo=\"/><text x=\"5\" y=\"5\">Dân số 2026</text>";

        var response = await MediaLibraryTests.UploadAsync(client, Svg(payload), "bieu-do-dan-so.svg");

        AssertStatus(HttpStatusCode.OK, response);
        Assert.Single(await Site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<MediaFile>().ToListAsync()));
    }
}
