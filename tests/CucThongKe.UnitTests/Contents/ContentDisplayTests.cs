using System.Text.Json.Nodes;
using CucThongKe.Contents;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Display;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Parts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CucThongKe.Tests.Contents;

/// <summary>The display manager composes the drivers of a type's parts and fields into ordered shapes; type settings place them.</summary>
public class ContentDisplayTests
{
    [Fact]
    public async Task The_detail_display_puts_the_summary_in_the_header_then_the_body_then_the_fields_in_the_types_order()
    {
        var display = await BuildAsync(Article(), Item(), DisplayTypes.Detail);

        Assert.Equal(["SummaryPart"], display.Zone("Header").Select(s => s.Name));
        Assert.Equal(["HtmlBodyPart", "Bai.Nguon", "Bai.Anh", "Bai.ChuyenMuc"], display.Zone("Content").Select(s => s.Name));
        Assert.Equal("MediaField", display.Shapes.Single(s => s.Name == "Bai.Anh").Template);
        Assert.Equal("Báo Thái Nguyên", display.Field<TextField>("Bai.Nguon")?.Text);
        Assert.Equal("Tóm tắt", display.Page.Description);
    }

    [Fact]
    public async Task The_summary_display_shows_the_title_and_the_summary_only()
    {
        var display = await BuildAsync(Article(), Item(), DisplayTypes.Summary);

        Assert.Equal(["TitlePart", "SummaryPart"], display.Shapes.Select(s => s.Name));
        Assert.Null(display.Page.Description);
    }

    [Fact]
    public async Task A_type_setting_hides_or_moves_a_shape_and_the_description_stays()
    {
        var settings = new ContentTypeSettings { Display = new ContentTypeDisplaySettings { Placement = new() { ["SummaryPart"] = "-", ["Bai.ChuyenMuc"] = "Content:1" } } };

        var display = await BuildAsync(Article(settings), Item(), DisplayTypes.Detail);

        Assert.Empty(display.Zone("Header"));
        Assert.Equal(["Bai.ChuyenMuc", "HtmlBodyPart", "Bai.Nguon", "Bai.Anh"], display.Zone("Content").Select(s => s.Name));
        Assert.Equal("Tóm tắt", display.Page.Description);
    }

    [Fact]
    public async Task Only_the_media_field_the_type_names_gives_the_page_its_image()
    {
        var without = await BuildAsync(Article(), Item(), DisplayTypes.Detail);
        var with = await BuildAsync(Article(new ContentTypeSettings { Display = new ContentTypeDisplaySettings { ImageField = "Bai.Anh" } }), Item(), DisplayTypes.Detail);

        Assert.Null(without.Page.ImagePath);
        Assert.Equal("anh/hoi-nghi.jpg", with.Page.ImagePath);
    }

    [Fact]
    public void Related_items_come_from_the_fields_the_type_names_and_a_type_without_the_setting_has_none()
    {
        var settings = new ContentTypeSettings { RelatedItems = new RelatedItemsSettings { TaxonomyField = "Bai.ChuyenMuc", PickerField = "Bai.LienQuan" } };

        var related = RelatedItems.Of(Article(settings), Item());

        Assert.NotNull(related);
        Assert.Equal("chuyen-muc-tin", related.Taxonomy);
        Assert.Equal("hoat-dong", related.TermId);
        Assert.Equal(["tin-2"], related.PickedIds);
        Assert.Null(RelatedItems.Of(Article(), Item()));
    }

    [Fact]
    public void A_driver_attached_to_another_element_than_its_own_is_refused()
    {
        var services = new ServiceCollection();

        Assert.Throws<InvalidOperationException>(() => services.AddContentPart<TitlePart, TitlePartSettings>().UseDisplayDriver<SummaryPartDisplayDriver>());
    }

    [Fact]
    public void Positions_compare_as_dotted_numbers()
    {
        string[] positions = ["10", "5.1", "2", "5", "x"];

        Assert.Equal(["2", "5", "5.1", "10", "x"], positions.Order(Comparer<string>.Create(ContentShape.ComparePositions)));
    }

    private static async Task<ContentDisplay> BuildAsync(ResolvedContentType type, ContentItem item, string displayType)
    {
        var services = new ServiceCollection();
        services.AddContentPart<TitlePart, TitlePartSettings>().UseDisplayDriver<TitlePartDisplayDriver>();
        services.AddContentPart<SummaryPart, SummaryPartSettings>().UseDisplayDriver<SummaryPartDisplayDriver>();
        services.AddContentPart<HtmlBodyPart, HtmlBodyPartSettings>().UseDisplayDriver<HtmlBodyPartDisplayDriver>();
        services.AddContentField<TextField, TextFieldSettings>().UseDisplayDriver<FieldDetailDisplayDriver<TextField>>();
        services.AddContentField<MediaField, MediaFieldSettings>().UseDisplayDriver<MediaFieldDisplayDriver>();
        services.AddContentField<TaxonomyField, TaxonomyFieldSettings>().UseDisplayDriver<FieldDetailDisplayDriver<TaxonomyField>>();
        services.AddContentField<ContentPickerField, ContentPickerFieldSettings>();
        services.AddScoped<ContentDisplayManager>();
        await using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentDisplayManager>().BuildDisplayAsync(item, type, displayType);
    }

    /// <summary>A type with title, summary and body, then a part "Bai" with a text, a media, a taxonomy and a picker field.</summary>
    private static ResolvedContentType Article(ContentTypeSettings? settings = null)
    {
        var registry = new ServiceCollection();
        registry.AddContentPart<TitlePart, TitlePartSettings>();
        registry.AddContentPart<SummaryPart, SummaryPartSettings>();
        registry.AddContentPart<HtmlBodyPart, HtmlBodyPartSettings>();
        using var provider = registry.BuildServiceProvider();
        var parts = provider.GetRequiredService<IOptions<ContentOptions>>().Value;
        ContentPartFieldDefinition Field(string name, string type, JsonObject? settings = null) =>
            new() { Name = name, FieldType = type, Settings = settings ?? [] };
        ResolvedPart Code(string name) => new(name, new ContentTypePartDefinition { Name = name, PartName = name }, parts.FindPart(name), []);
        var definition = new ContentTypeDefinition { Name = "BaiViet", DisplayName = "Bài viết", Settings = settings ?? new ContentTypeSettings() };
        return new ResolvedContentType(definition,
        [
            Code(nameof(TitlePart)),
            Code(nameof(SummaryPart)),
            Code(nameof(HtmlBodyPart)),
            new("Bai", new ContentTypePartDefinition { Name = "Bai", PartName = "Bai" }, null,
            [
                Field("Nguon", nameof(TextField)),
                Field("Anh", nameof(MediaField)),
                Field("ChuyenMuc", nameof(TaxonomyField), new JsonObject { ["Taxonomy"] = "chuyen-muc-tin" }),
                Field("LienQuan", nameof(ContentPickerField)),
            ]),
        ]);
    }

    private static ContentItem Item() => new ContentItem { ContentItemId = "tin-1", ContentType = "BaiViet" }
        .Apply(new TitlePart { Title = "Hội nghị" })
        .Apply(new SummaryPart { Summary = "Tóm tắt" })
        .Apply(new HtmlBodyPart { Html = "<p>Nội dung</p>" })
        .Apply("Bai", new JsonObject
        {
            ["Nguon"] = new JsonObject { ["Text"] = "Báo Thái Nguyên" },
            ["Anh"] = new JsonObject { ["Items"] = new JsonArray(new JsonObject { ["Path"] = "anh/hoi-nghi.jpg", ["AltText"] = "Hội nghị" }) },
            ["ChuyenMuc"] = new JsonObject { ["TermIds"] = new JsonArray("hoat-dong") },
            ["LienQuan"] = new JsonObject { ["ContentItemIds"] = new JsonArray("tin-2") },
        });
}
