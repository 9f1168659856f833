using System.Text.Json.Nodes;
using CucThongKe.Contents.Admin;

namespace CucThongKe.Tests.Contents;

/// <summary>The readable diff (issue 16 item 5): values by the names the type gives them, changed words marked, rich text compared
/// as text and structure after sanitising.</summary>
public class ContentDiffTests
{
    private static readonly ContentDiffLabels Labels = new(new Dictionary<string, string>
    {
        ["TitlePart"] = "Tiêu đề",
        ["HtmlBodyPart"] = "Nội dung",
        ["News.Category"] = "Chuyên mục",
    });

    private static JsonObject Item(string title, string html, params string[] terms) => new()
    {
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["HtmlBodyPart"] = new JsonObject { ["Html"] = html },
        ["News"] = new JsonObject { ["Category"] = new JsonObject { ["TermIds"] = new JsonArray([.. terms.Select(t => (JsonNode)t)]) } },
    };

    [Fact]
    public void Values_are_named_as_the_type_names_them_and_a_changed_line_marks_only_its_changed_words()
    {
        var diff = ContentDiff.Compare(
            Item("Dân số tỉnh năm 2025", "<p>Dân số là 1,3 triệu người.</p>", "hoat-dong"),
            Item("Dân số tỉnh năm 2026", "<p>Dân số là 1,3 triệu người.</p>", "hoat-dong"),
            Labels);

        Assert.Equal(["Nội dung", "Chuyên mục", "Tiêu đề", "Tiêu đề"], diff.Select(l => l.Label));
        var removed = Assert.Single(diff, l => l.Kind == DiffKind.Removed);
        var added = Assert.Single(diff, l => l.Kind == DiffKind.Added);
        Assert.Equal([(DiffKind.Same, "Dân số tỉnh năm "), (DiffKind.Removed, "2025")], removed.Words!.Select(w => (w.Kind, w.Text)));
        Assert.Equal([(DiffKind.Same, "Dân số tỉnh năm "), (DiffKind.Added, "2026")], added.Words!.Select(w => (w.Kind, w.Text)));
        Assert.All(diff.Where(l => l.Kind == DiffKind.Same), l => Assert.Null(l.Words));
    }

    [Fact]
    public void Rich_text_is_compared_as_its_text_table_rows_and_images_after_sanitising()
    {
        var before = """<p>Bảng số liệu:</p><table><tr><th>Năm</th><th>Dân số</th></tr><tr><td>2025</td><td>1,3</td></tr></table><img src="/anh/1200/ban-do.png" alt="Bản đồ tỉnh"><script>alert('x')</script>""";
        var after = """<p>Bảng số liệu:</p><table><tr><th>Năm</th><th>Dân số</th></tr><tr><td>2025</td><td>1,4</td></tr></table><img src="/anh/1200/ban-do-moi.png" alt="Bản đồ tỉnh">""";

        Assert.Equal(["Bảng số liệu:", "[Bảng]", "Năm | Dân số", "2025 | 1,3", "[Hết bảng]", "[Ảnh: Bản đồ tỉnh (ban-do.png)]"], ContentDiff.RichTextLines(before));
        var diff = ContentDiff.Compare(Item("Tin", before), Item("Tin", after), Labels);
        // The script was never shown, so removing it changes nothing; the cell and the image's file did change.
        Assert.Equal(["− 2025 | 1,3", "+ 2025 | 1,4", "− [Ảnh: Bản đồ tỉnh (ban-do.png)]", "+ [Ảnh: Bản đồ tỉnh (ban-do-moi.png)]"],
            diff.Where(l => l.Kind != DiffKind.Same).Select(l => (l.Kind == DiffKind.Added ? "+ " : "− ") + l.Text));
        Assert.DoesNotContain(diff, l => l.Text.Contains("alert", StringComparison.Ordinal));
    }

    [Fact]
    public void A_path_the_type_does_not_name_stays_as_it_is_and_very_long_lines_are_not_compared_word_by_word()
    {
        var longText = string.Join(' ', Enumerable.Range(0, ContentDiff.MaxWordsCompared + 10).Select(i => "từ" + i));
        var diff = ContentDiff.Compare(new JsonObject { ["Khac"] = new JsonObject { ["Ghi"] = longText } }, new JsonObject { ["Khac"] = new JsonObject { ["Ghi"] = longText + " thêm" } }, Labels);

        Assert.All(diff, l => Assert.Equal("Khac.Ghi", l.Label));
        Assert.All(diff, l => Assert.Null(l.Words));
    }
}
