namespace CucThongKe.Tests.PublicSite;

/// <summary>What search engines, sharing and readers' tools read: Dublin Core, OpenGraph, Twitter cards, languages, breadcrumbs.</summary>
public abstract partial class PublicSiteTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/gioi-thieu")]
    [InlineData("/gioi-thieu/chuc-nang-nhiem-vu")]
    [InlineData("/tin-tuc")]
    [InlineData(NewsPath)]
    [InlineData(LawPath)]
    [InlineData("/tinh-hinh-kinh-te-xa-hoi/tinh-hinh-kinh-te-xa-hoi-thang-8-nam-2026")]
    [InlineData("/an-pham/nien-giam-thong-ke-tinh-thai-nguyen-2025")]
    public async Task Home_about_listing_and_article_pages_carry_dublin_core_and_sharing_metadata(string url)
    {
        var client = await ReaderAsync();

        var html = await client.GetStringAsync(url);

        foreach (var name in new[] { "DC.title", "DC.creator", "DC.date", "DC.description", "DC.publisher", "DC.identifier" })
        {
            Assert.Matches($"<meta name=\"{name.Replace(".", "\\.", StringComparison.Ordinal)}\" content=\"[^\"]+\" />", html);
        }

        Assert.Matches("<meta name=\"DC\\.date\" content=\"\\d{4}-\\d{2}-\\d{2}\" />", html);
        foreach (var property in new[] { "og:title", "og:description", "og:url", "og:type" })
        {
            Assert.Matches($"<meta property=\"{property}\" content=\"[^\"]+\" />", html);
        }

        Assert.Contains("<meta name=\"twitter:card\" content=\"summary\" />", html, StringComparison.Ordinal);
        Assert.Equal(url != "/", html.Contains("aria-label=\"Vị trí trang\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_english_page_says_it_is_english_and_both_languages_link_to_each_other()
    {
        var client = await ReaderAsync();

        var english = await client.GetStringAsync("/en");
        var home = await client.GetStringAsync("/");

        Assert.Contains("<meta name=\"DC.language\" content=\"en\" />", english, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:locale\" content=\"en_GB\" />", english, StringComparison.Ordinal);
        Assert.Contains("<div lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\" lang=\"vi\" hreflang=\"vi\">Tiếng Việt</a>", english, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"DC.language\" content=\"vi\" />", home, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/en\" lang=\"en\" hreflang=\"en\">English</a>", home, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"en\" href=\"http://localhost/en\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_header_searches_the_whole_site_and_the_qa_page_searches_answered_questions()
    {
        var reader = await ReaderSiteAsync();
        // The index follows the content log in the background: search once it has read everything arranged.
        await CucThongKe.Tests.Search.SearchTests.WaitForIndexToCatchUpAsync(reader);
        var client = ClientOf(reader);

        var home = await client.GetStringAsync("/");
        var questions = await client.GetStringAsync("/hoi-dap");
        var found = await client.GetStringAsync("/tim-kiem?type=Question&q=chi+so+gia");

        Assert.Contains("<form class=\"site-search\" action=\"/tim-kiem\" method=\"get\" role=\"search\"", home, StringComparison.Ordinal);
        Assert.Contains("action=\"/tim-kiem\" role=\"search\" aria-label=\"Tìm trong hỏi đáp\"", questions, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"type\" value=\"Question\" />", questions, StringComparison.Ordinal);
        Assert.Contains("Chỉ số giá tiêu dùng được tính như thế nào?", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Lò Thị Bí Mật", found, StringComparison.Ordinal);
    }
}
