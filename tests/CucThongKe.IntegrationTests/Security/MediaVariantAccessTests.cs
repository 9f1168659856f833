using System.Net;
using CucThongKe.Core.Hosting;
using CucThongKe.Media.Library;
using CucThongKe.Tests.BackOffice;
using CucThongKe.Tests.Site;

namespace CucThongKe.Tests.Security;

/// <summary>Resized images (<c>/anh/{width}/...</c>) follow the rule of files (<c>/tep/...</c>): a reader gets an image a
/// published item shows (as its image or inside its text); an image of a draft or of no item is for signed-in staff only.</summary>
public sealed class MediaVariantAccessTests() : SiteTestBase(DatabaseProvider.Sqlite)
{
    private async Task ArrangeAsync()
    {
        foreach (var path in new[] { "tin-tuc/cong-bo.png", "tin-tuc/trong-bai.png", "tin-tuc/nhap.png", "tin-tuc/le.png" })
        {
            var full = Path.Combine(Site.DataPath, "media", path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllBytesAsync(full, MediaLibraryTests.Png(400, 300));
        }

        await RunRecipeAsync("media-variants.recipe.json");
    }

    [Fact]
    public async Task A_reader_gets_the_images_of_published_items_only()
    {
        await ArrangeAsync();
        var reader = Client();

        AssertStatus(HttpStatusCode.OK, await reader.GetAsync(ImageVariants.Url("tin-tuc/cong-bo.png", 320)));
        AssertStatus(HttpStatusCode.OK, await reader.GetAsync(ImageVariants.Url("tin-tuc/trong-bai.png", 1024)));
        AssertStatus(HttpStatusCode.NotFound, await reader.GetAsync(ImageVariants.Url("tin-tuc/nhap.png", 320)));
        AssertStatus(HttpStatusCode.NotFound, await reader.GetAsync(ImageVariants.Url("tin-tuc/le.png", 320)));
        AssertStatus(HttpStatusCode.NotFound, await reader.GetAsync("/tep/tin-tuc/nhap.png"));
    }

    [Fact]
    public async Task Signed_in_staff_see_every_library_image_and_no_shared_cache_keeps_an_unpublished_one()
    {
        await ArrangeAsync();
        var staff = Client();
        AssertStatus(HttpStatusCode.Redirect, await SignInAsync(staff, TestSite.AdminUserName, TestSite.AdminPassword));

        var draft = await staff.GetAsync(ImageVariants.Url("tin-tuc/nhap.png", 320));
        var unused = await staff.GetAsync(ImageVariants.Url("tin-tuc/le.png", 160));

        AssertStatus(HttpStatusCode.OK, draft);
        AssertStatus(HttpStatusCode.OK, unused);
        Assert.Equal("image/png", draft.Content.Headers.ContentType?.MediaType);
        Assert.True(draft.Headers.CacheControl?.Private, "an unpublished image must be marked private");
        Assert.True(draft.Headers.CacheControl?.NoStore);
    }
}
