using System.Text.Json;
using CucThongKe.Contents.Definitions;
using CucThongKe.Core.Data;

namespace CucThongKe.Tests.Contents;

public sealed class ContentTypeSettingsTests
{
    [Fact]
    public void Type_settings_that_still_carry_a_stereotype_load_and_drop_it()
    {
        var settings = JsonSerializer.Deserialize<ContentTypeSettings>("""{"Creatable":false,"Stereotype":"tai-lieu"}""", CmsJson.Strict)!;

        Assert.False(settings.Creatable);
        Assert.DoesNotContain("Stereotype", JsonSerializer.Serialize(settings, CmsJson.Options), StringComparison.OrdinalIgnoreCase);
    }

    /// <remarks>
    /// Issue 17: a key that is not one of the engine's settings may be a module's section (<c>AddContentTypeSettings</c>),
    /// which the engine cannot know while reading; it is kept apart and refused unless a module declared it (the
    /// <c>ContentDefinition</c> step does, with its JSON path: SiteTests' unknown-setting recipe).
    /// </remarks>
    [Fact]
    public void Another_unknown_type_setting_is_still_refused()
    {
        var settings = JsonSerializer.Deserialize<ContentTypeSettings>("""{"Sterotype":"tai-lieu","Workflow":"quy-trinh-duyet-tin"}""", CmsJson.Strict)!;

        Assert.Equal(["Sterotype"], settings.UndeclaredSections(["Workflow"]));
    }

    [Fact]
    public void An_engine_setting_of_the_wrong_type_is_refused()
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<ContentTypeSettings>("""{"Publishable":"yes"}""", CmsJson.Strict));
    }

    [Fact]
    public void A_module_section_is_written_back_in_its_place_as_it_was_read()
    {
        const string stored = """{"Creatable":true,"Listable":true,"Draftable":true,"Versionable":true,"Publishable":true,"Workflow":"quy-trinh-duyet-tin","Confidentiality":{"Field":"LegalDocument.Confidential"}}""";
        var settings = JsonSerializer.Deserialize<ContentTypeSettings>(stored, CmsJson.Options)!;

        Assert.Equal(stored, JsonSerializer.Serialize(settings, CmsJson.Options));
    }
}
