using System.Text.Json.Nodes;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Settings;
using CucThongKe.Core.Setup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CucThongKe.Search.Querying;

/// <summary>
/// Sites set up before the synonym list (issue 15) have none, so "CPI" does not find "chỉ số giá tiêu dùng" until an
/// administrator types the list: this gives them the groups of the site's setup recipe's <c>SearchSynonyms</c> step
/// (one source for new and old sites), once, checked as the back office checks a line. A site that has a list keeps it;
/// one whose administrator empties it later does not see it come back.
/// </summary>
internal sealed class DefaultSynonymsUpgrade(SearchSynonyms synonyms, SettingsStore settings, IOptions<CmsOptions> cms, ILogger<DefaultSynonymsUpgrade> logger) : ISiteUpgrade
{
    public string Name => "Search.DefaultSynonyms";

    public async Task UpgradeAsync(CancellationToken cancellationToken)
    {
        if ((await synonyms.StoredAsync(cancellationToken)).Groups.Count > 0)
        {
            return;
        }

        var recipePath = cms.Value.Setup.Recipe;
        JsonArray? groups;
        try
        {
            groups = RecipeHarvester.ReadFile(recipePath).Steps
                .FirstOrDefault(s => s["name"]?.GetValue<string>() == "SearchSynonyms")?["Groups"] as JsonArray;
        }
        catch (RecipeException ex)
        {
            // The recipe is gone or broken: the site runs without synonyms, as before; an administrator can add them.
            logger.LogWarning(ex, "Không đọc được danh sách từ đồng nghĩa mặc định từ {Recipe}", recipePath);
            return;
        }

        var lines = string.Join('\n', (groups?.OfType<JsonArray>() ?? [])
            .Select(g => string.Join(" = ", g.OfType<JsonValue>().Select(p => p.TryGetValue<string>(out var text) ? text : ""))));
        var (parsed, errors) = SynonymList.ParseLines(lines);
        if (errors.Count > 0 || parsed.Count == 0)
        {
            if (errors.Count > 0)
            {
                logger.LogWarning("Danh sách từ đồng nghĩa của {Recipe} không hợp lệ, không cài: {Errors}", recipePath, string.Join("; ", errors));
            }

            return;
        }

        await settings.MergeAsync(SearchSynonymSettings.DocumentName, new JsonObject { ["Groups"] = SearchSynonyms.ToJson(parsed) }, cancellationToken);
    }
}
