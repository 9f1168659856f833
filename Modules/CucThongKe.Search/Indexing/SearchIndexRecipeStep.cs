using System.Text.Json.Nodes;
using CucThongKe.Contents.Definitions;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Settings;

namespace CucThongKe.Search.Indexing;

/// <summary>The <c>SearchIndex</c> step: <c>{ "name": "SearchIndex", "ContentTypes": ["News", "LegalDocument"] }</c>; an empty list means every listable type.</summary>
/// <remarks>Items already indexed stay until the index is rebuilt (<c>search rebuild</c> or the back-office button).</remarks>
internal sealed class SearchIndexRecipeStep(SettingsStore settings, ContentDefinitionManager definitions) : IRecipeStep
{
    public string Name => "SearchIndex";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var (key, _) in context.Step)
        {
            if (key is not "name" and not "ContentTypes")
            {
                throw context.Error("." + key, $"thuộc tính '{key}' không được hỗ trợ (chỉ có ContentTypes).");
            }
        }

        if (context.Step["ContentTypes"] is not JsonArray array)
        {
            throw context.Error(".ContentTypes", "cần một danh sách tên loại nội dung.");
        }

        var known = (await definitions.ListTypesAsync(cancellationToken)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var types = new JsonArray();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonValue value || !value.TryGetValue<string>(out var name) || !known.Contains(name))
            {
                throw context.Error($".ContentTypes[{i}]", $"không có loại nội dung '{array[i]?.ToJsonString()}'.");
            }

            types.Add(name);
        }

        await settings.MergeAsync(SearchSettings.DocumentName, new JsonObject { ["ContentTypes"] = types }, cancellationToken);
    }
}

/// <summary>Drops the cached <c>Search</c> settings after every recipe, so the poller never keeps a value read before the recipe committed.</summary>
internal sealed class SearchSettingsCacheReset(SettingsStore settings) : IRecipeEventHandler
{
    public Task RecipeFinishedAsync(RecipeDocument recipe, bool succeeded)
    {
        settings.Invalidate(SearchSettings.DocumentName);
        settings.Invalidate(Querying.SearchSynonymSettings.DocumentName);
        return Task.CompletedTask;
    }
}
