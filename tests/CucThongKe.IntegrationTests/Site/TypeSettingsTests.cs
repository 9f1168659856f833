using System.Text.Json.Nodes;
using CucThongKe.CitizenServices.Screening;
using CucThongKe.Core.Settings;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Published;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Setup;
using CucThongKe.LegalDocuments.Confidential;
using CucThongKe.Statistics.DataTables;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Site;

/// <summary>
/// Behaviour that hung on type names now hangs on type settings owned by modules ("Publishable", "Confidentiality",
/// "DataTables", "Workflow"): a type with the setting behaves as the named type did, a type without it is unaffected,
/// and a site set up before the settings existed gets them once at start-up.
/// </summary>
public abstract class TypeSettingsTests(DatabaseProvider provider) : SiteTestBase(provider)
{
    [Fact]
    public async Task A_type_that_is_not_publishable_is_refused_by_every_path_and_a_type_without_the_setting_is_published()
    {
        await RunRecipeAsync("type-settings.recipe.json");

        var refusal = await Assert.ThrowsAsync<ContentPublishRefusedException>(() => CreateAndPublishAsync("CoThietLap", confidential: false));
        Assert.Contains("không được đăng công khai", refusal.Message, StringComparison.Ordinal);
        var published = await CreateAndPublishAsync("KhongThietLap", confidential: false);
        Assert.True(published.Published);
    }

    [Fact]
    public async Task A_type_naming_a_confidential_field_is_never_published_nor_shown_and_a_type_without_it_is()
    {
        await RunRecipeAsync("type-settings.recipe.json");

        var refusal = await Assert.ThrowsAsync<ContentPublishRefusedException>(() => CreateAndPublishAsync("MatThu", confidential: true));
        Assert.Contains("Tài liệu mật", refusal.Message, StringComparison.Ordinal);
        Assert.True((await CreateAndPublishAsync("MatThu", confidential: false)).Published);

        // The same field set on a type whose settings do not name it is an ordinary boolean: published, shown.
        var ordinary = await CreateAndPublishAsync("KhongThietLap", confidential: true);
        Assert.True(ordinary.Published);
        await Site.WithScopeAsync(async s =>
        {
            var item = await s.GetRequiredService<ContentManager>().GetAsync(ordinary.ContentItemId, VersionOptions.Published);
            Assert.False(s.GetRequiredService<PublicContent>().IsHidden(item!));

            // A confidential version loaded by any path is hidden from readers (and so from the public search index).
            var confidential = await s.GetRequiredService<ContentManager>().NewAsync("MatThu");
            confidential.Content["Ho"] = new JsonObject { ["Mat"] = new JsonObject { ["Value"] = true } };
            Assert.True(s.GetRequiredService<PublicContent>().IsHidden(confidential));
        });
    }

    [Fact]
    public async Task Only_a_type_naming_a_data_tables_field_has_its_files_checked_as_tables()
    {
        await RunRecipeAsync("type-settings.recipe.json");

        var error = await Assert.ThrowsAsync<ContentValidationException>(() => CreateWithAttachmentAsync("CoThietLap"));
        Assert.Contains(error.Errors, e => e.Path == "Ho.Tep.Items[0]" && e.Message.Contains("XLSX hoặc CSV", StringComparison.Ordinal));
        var saved = await CreateWithAttachmentAsync("KhongThietLap");
        Assert.Equal(1, saved.Version);
    }

    [Fact]
    public async Task The_setup_recipe_gives_the_named_types_their_settings()
    {
        await Site.WithScopeAsync(async s =>
        {
            var definitions = s.GetRequiredService<ContentDefinitionManager>();
            Assert.Equal("LegalDocument.Confidential", (await definitions.GetResolvedTypeAsync("LegalDocument"))!.Section<ConfidentialityTypeSettings>()?.Field);
            Assert.Equal("SocioEconomicReport.DataFiles", (await definitions.GetResolvedTypeAsync("SocioEconomicReport"))!.Section<DataTablesTypeSettings>()?.Field);
            Assert.False((await definitions.GetResolvedTypeAsync("Feedback"))!.Definition.Settings.Publishable);
            Assert.Null((await definitions.GetResolvedTypeAsync("News"))!.Section<ConfidentialityTypeSettings>());
        });
    }

    [Fact]
    public async Task A_site_set_up_before_the_settings_gets_them_once_at_start_up()
    {
        // A site as it was stored before: the three types lack the settings that replaced the rules on their names, and Question
        // the screening hold's section (sites set up before the hold).
        await RemoveSettingsAsync(("LegalDocument", "Confidentiality"), ("SocioEconomicReport", "DataTables"), ("Feedback", "Publishable"), ("Question", "Screening"));
        await Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            await db.Set<SettingsDocument>().Where(x => x.Name == SiteUpgrades.DocumentName).ExecuteDeleteAsync();
            var definitions = s.GetRequiredService<ContentDefinitionManager>();
            Assert.Null((await definitions.GetResolvedTypeAsync("LegalDocument"))!.Section<ConfidentialityTypeSettings>());
            Assert.True((await definitions.GetResolvedTypeAsync("Feedback"))!.Definition.Settings.Publishable);
            Assert.Null((await definitions.GetResolvedTypeAsync("Question"))!.Section<ScreeningTypeSettings>());
        });

        await Site.WithScopeAsync(s => SiteUpgrades.RunAsync(s, CancellationToken.None));

        await Site.WithScopeAsync(async s =>
        {
            var definitions = s.GetRequiredService<ContentDefinitionManager>();
            Assert.Equal("LegalDocument.Confidential", (await definitions.GetResolvedTypeAsync("LegalDocument"))!.Section<ConfidentialityTypeSettings>()?.Field);
            Assert.Equal("SocioEconomicReport.DataFiles", (await definitions.GetResolvedTypeAsync("SocioEconomicReport"))!.Section<DataTablesTypeSettings>()?.Field);
            Assert.False((await definitions.GetResolvedTypeAsync("Feedback"))!.Definition.Settings.Publishable);
            Assert.Equal("Question.Question", (await definitions.GetResolvedTypeAsync("Question"))!.Section<ScreeningTypeSettings>()?.CitizenField);
        });

        // Once run, an upgrade is recorded: a setting an administrator removes afterwards does not come back.
        await RemoveSettingsAsync(("LegalDocument", "Confidentiality"));
        await Site.WithScopeAsync(s => SiteUpgrades.RunAsync(s, CancellationToken.None));
        await Site.WithScopeAsync(async s =>
            Assert.Null((await s.GetRequiredService<ContentDefinitionManager>().GetResolvedTypeAsync("LegalDocument"))!.Section<ConfidentialityTypeSettings>()));
    }

    [Fact]
    public async Task A_publication_by_the_governing_process_is_stored_under_the_text_it_always_had()
    {
        var id = await Site.WithScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var item = await contents.NewAsync("Page");
            item.Content["TitlePart"] = new JsonObject { ["Title"] = "Trang thử nguồn đăng" };
            var saved = await contents.CreateAsync(item);
            await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.GoverningProcess, "tester"));
            return saved.ContentItemId;
        });

        await Site.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CmsDbContext>();
            var stored = await db.Database.SqlQueryRaw<string>(
                "SELECT \"PublishSource\" AS \"Value\" FROM \"ContentItems\" WHERE \"ContentItemId\" = {0}", id).SingleAsync();
            Assert.Equal("Workflow", stored);
            var item = await db.Set<ContentItem>().AsNoTracking().SingleAsync(c => c.ContentItemId == id && c.Published);
            Assert.Equal(PublishSource.GoverningProcess, item.PublishSource);
        });
    }

    private Task<ContentItem> CreateAndPublishAsync(string type, bool confidential) => Site.WithScopeAsync(async s =>
    {
        var contents = s.GetRequiredService<ContentManager>();
        var item = await contents.NewAsync(type);
        item.Content["TitlePart"] = new JsonObject { ["Title"] = $"Thử {type}" };
        item.Content["Ho"] = new JsonObject { ["Mat"] = new JsonObject { ["Value"] = confidential } };
        var saved = await contents.CreateAsync(item);
        return (await contents.PublishAsync(saved.ContentItemId, saved.Id, new PublishRequest(PublishSource.Direct, "tester")))!;
    });

    private Task<ContentItem> CreateWithAttachmentAsync(string type) => Site.WithScopeAsync(async s =>
    {
        var contents = s.GetRequiredService<ContentManager>();
        var item = await contents.NewAsync(type);
        item.Content["TitlePart"] = new JsonObject { ["Title"] = $"Thử tệp {type}" };
        item.Content["Ho"] = new JsonObject { ["Tep"] = new JsonObject { ["Items"] = new JsonArray(new JsonObject { ["Path"] = "bao-cao/so-lieu.pdf" }) } };
        return await contents.CreateAsync(item);
    });

    private Task RemoveSettingsAsync(params (string Type, string Key)[] settings) => Site.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<CmsDbContext>();
        foreach (var (type, key) in settings)
        {
            var record = await db.Set<ContentDefinitionRecord>().SingleAsync(r => r.Kind == ContentDefinitionRecord.TypeKind && r.Name == type);
            var json = JsonNode.Parse(record.Json)!.AsObject();
            Assert.True(json["Settings"]!.AsObject().Remove(key));
            record.Json = json.ToJsonString();
        }

        await db.SaveChangesAsync();
        s.GetRequiredService<ContentDefinitionCache>().Invalidate();
    });
}

public sealed class SqliteTypeSettingsTests() : TypeSettingsTests(DatabaseProvider.Sqlite);

public sealed class PostgresTypeSettingsTests() : TypeSettingsTests(DatabaseProvider.Postgres);
