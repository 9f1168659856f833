using CucThongKe.Core.Hosting;
using CucThongKe.Tests.BackOffice;
using CucThongKe.Tests.Site;

namespace CucThongKe.Tests.PublicSite;

/// <summary>
/// The item page is drawn by its parts' and fields' display drivers: the page's image for sharing is the media field the
/// type's settings name (<c>Display.ImageField</c>), not any image of any type.
/// </summary>
public sealed class ItemPageDisplayTests() : SiteTestBase(DatabaseProvider.Sqlite)
{
    /// <summary>The images in the media library, then the items that show them.</summary>
    private async Task ArrangeAsync()
    {
        foreach (var path in new[] { "tin-tuc/dai-dien.png", "an-pham/bia.png" })
        {
            var full = Path.Combine(Site.DataPath, "media", path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllBytesAsync(full, MediaLibraryTests.Png(400, 300));
        }

        await RunRecipeAsync("page-images.recipe.json");
    }

    [Fact]
    public async Task A_news_page_is_shared_with_the_lead_image_its_type_names_and_shows_its_summary()
    {
        await ArrangeAsync();

        var html = await Client().GetStringAsync("/tin-tuc/tin-co-anh-dai-dien");

        Assert.Matches("<meta property=\"og:image\" content=\"[^\"]*/tep/tin-tuc/dai-dien\\.png\" />", html);
        Assert.Contains("<p class=\"summary\">Tóm tắt tin có ảnh.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"Tóm tắt tin có ảnh.\" />", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publication_shows_its_cover_but_is_not_shared_with_it_since_its_type_names_no_image()
    {
        await ArrangeAsync();

        var html = await Client().GetStringAsync("/an-pham/an-pham-co-anh-bia");

        Assert.Contains("/tep/an-pham/bia.png\" alt=\"Bìa ấn phẩm\"", html, StringComparison.Ordinal);
        // Shared with the site's default image (issue 15 item 6), never with the cover the type does not name.
        Assert.Contains("<meta property=\"og:image\" content=\"http://localhost/_content/CucThongKe.Theme.Public/img/chia-se.png\" />", html, StringComparison.Ordinal);
        Assert.DoesNotContain("bia.png\" />", html, StringComparison.Ordinal);
    }
}
