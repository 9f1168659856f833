using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Search.Querying;
using Microsoft.EntityFrameworkCore;

namespace CucThongKe.Tests.Contents;

public class TextNormalizerTests
{
    private static readonly string Messy = "\u00D0" + "ảng ủy Cục Thống kê".Normalize(NormalizationForm.FormD);

    private const string Clean = "Đảng ủy Cục Thống kê";

    [Fact]
    public void Names_and_values_in_a_JSON_tree_become_NFC()
    {
        var nfd = "Thái Nguyên".Normalize(NormalizationForm.FormD);
        var node = new JsonObject { [nfd] = new JsonArray(nfd, 3, true), ["x"] = new JsonObject { ["y"] = nfd } };

        var normalized = TextNormalizer.NormalizeNode(node)!.ToJsonString(CmsJson.Options);

        Assert.Equal("{\"Thái Nguyên\":[\"Thái Nguyên\",3,true],\"x\":{\"y\":\"Thái Nguyên\"}}", normalized);
        Assert.True(normalized.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void In_a_JSON_tree_Ð_becomes_Đ_but_a_password_stays_as_written()
    {
        var node = new JsonObject { ["DisplayName"] = Messy, ["Password"] = Messy };

        var normalized = TextNormalizer.NormalizeNode(node)!;

        Assert.Equal(Clean, normalized["DisplayName"]!.GetValue<string>());
        Assert.Equal(Messy, normalized["Password"]!.GetValue<string>());
    }

    private sealed record SignUp(string? Name, string? Password, string[]? Tags);

    [Fact]
    public void Json_read_with_the_clean_text_options_is_clean_except_passwords_and_a_wrong_type_is_still_a_JsonException()
    {
        var options = CleanTextInput.Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var json = JsonSerializer.Serialize(new { name = Messy, password = Messy, tags = new[] { Messy } });

        var read = JsonSerializer.Deserialize<SignUp>(json, options)!;

        Assert.Equal(Clean, read.Name);
        Assert.Equal(Messy, read.Password);
        Assert.Equal([Clean], read.Tags!);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SignUp>("{\"name\": 42}", options));
    }

    [Fact]
    public void A_search_query_is_cleaned_like_all_input()
    {
        Assert.Equal(Clean, SearchQueryParser.Clean(Messy).Text);
    }
}

/// <summary>The database context's save hook: the last gate, whatever wrote the text.</summary>
public class SaveHookTests : ContentEngineTestBase
{
    [Fact]
    public async Task Text_written_straight_through_the_database_context_is_stored_nfc_with_Đ()
    {
        var saved = await WithContentsAsync((contents, _) => contents.CreateAsync(Article("Bài viết")));

        await WithContentsAsync(async (_, db) =>
        {
            var row = await db.Set<ContentItem>().SingleAsync(c => c.Id == saved.Id);
            row.DisplayText = "\u00D0" + "iều tra dân số".Normalize(NormalizationForm.FormD);
            row.PublishNote = "Ghi chú".Normalize(NormalizationForm.FormD);
            await db.SaveChangesAsync();
        });

        var stored = await WithContentsAsync((_, db) => db.Set<ContentItem>().AsNoTracking().SingleAsync(c => c.Id == saved.Id));
        Assert.Equal("Điều tra dân số", stored.DisplayText);
        Assert.Equal("Ghi chú", stored.PublishNote);
    }
}
