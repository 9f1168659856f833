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

    [Fact]
    public void Another_unknown_type_setting_is_still_refused()
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<ContentTypeSettings>("""{"Sterotype":"tai-lieu"}""", CmsJson.Strict));
    }
}
