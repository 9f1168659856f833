using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Text;
using Microsoft.Extensions.Options;

namespace CucThongKe.Tests.Contents;

/// <summary>The editor's rules that need no site: library images need alt text; the presence registry expires and stays bounded.</summary>
public class EditorChecksTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Theory]
    [InlineData("<p>Chữ</p>", "")]
    [InlineData("<img src=\"/anh/1024/tin-tuc/a.png\" alt=\"Biểu đồ dân số\">", "")]
    [InlineData("<img src=\"/anh/1024/tin-tuc/a.png\" alt=\"\"><img src=\"/tep/b.png\" alt=\"Bản đồ\"><img src=\"/tep/c.png\">", "1,3")]
    [InlineData("<img src=\"/anh/1024/a.png\" alt=\"   \">", "1")]
    [InlineData("<img src=\"x\">", "")] // not one of the site's files (the sanitizer's own tests send these)
    public void The_sites_images_without_alt_text_are_found_by_their_place(string html, string expected) =>
        Assert.Equal(expected, string.Join(',', RichTextImages.WithoutAlt(RichTextSanitizer.Sanitize(html))));

    [Fact]
    public void Presence_shows_the_others_until_their_mark_expires_and_never_keeps_more_than_the_limit()
    {
        var clock = new Clock();
        var presence = new EditingPresence(clock, Options.Create(new ContentEditingOptions { PresenceExpiry = TimeSpan.FromSeconds(90), MaxPresenceMarks = 3 }));

        Assert.Empty(presence.Mark("tin-1", "ctv.tonghop"));
        Assert.Equal(["ctv.tonghop"], presence.Mark("tin-1", "tp.tonghop"));
        clock.Now += TimeSpan.FromSeconds(60);
        Assert.Equal(["tp.tonghop"], presence.Mark("tin-1", "ctv.tonghop"));
        clock.Now += TimeSpan.FromSeconds(60);
        Assert.Empty(presence.Mark("tin-1", "ctv.tonghop")); // the unit head's mark expired

        for (var i = 0; i < 50; i++)
        {
            presence.Mark("khac-" + i, "nguoi-" + i);
        }

        Assert.True(presence.Count <= 3, $"{presence.Count} marks kept.");
        presence.Leave("tin-1", "ctv.tonghop");
        Assert.Empty(presence.Mark("tin-1", "tp.tonghop"));
    }
}
