using System.Text.Json.Nodes;
using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Settings;

namespace CucThongKe.Search.Querying;

/// <summary>The <c>SearchSynonyms</c> settings document: the synonym groups as written (<see cref="SynonymList"/>).</summary>
public sealed class SearchSynonymSettings
{
    public const string DocumentName = "SearchSynonyms";

    public List<List<string>> Groups { get; set; } = [];

    /// <summary>The groups as the back office's lines: "CPI = chỉ số giá tiêu dùng".</summary>
    public string ToLines() => string.Join('\n', Groups.Select(g => string.Join(" = ", g)));
}

/// <summary>
/// The synonym list searches use now: read from the settings document (cached like every settings document, 30 s at
/// most on another node; at once on the node that saved it), analysed once per version of it.
/// </summary>
public sealed class SearchSynonyms(SettingsStore settings, SearchSynonyms.Cache cache, CmsDbContext db, UnitOfWork unitOfWork)
{
    public async Task<SynonymList> GetAsync(CancellationToken cancellationToken)
    {
        var stored = await settings.GetAsync<SearchSynonymSettings>(SearchSynonymSettings.DocumentName, cancellationToken);
        return cache.For(stored);
    }

    /// <summary>The list as stored, for the back office.</summary>
    public Task<SearchSynonymSettings> StoredAsync(CancellationToken cancellationToken) =>
        settings.GetAsync<SearchSynonymSettings>(SearchSynonymSettings.DocumentName, cancellationToken);

    /// <summary>Replaces the list with <paramref name="groups"/>, already checked (<see cref="SynonymList.ParseLines"/>).</summary>
    public Task SaveAsync(IReadOnlyList<IReadOnlyList<string>> groups, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async ct =>
        {
            await settings.MergeAsync(SearchSynonymSettings.DocumentName, new JsonObject { ["Groups"] = ToJson(groups) }, ct);
            await db.SaveChangesAsync(ct);
        }, cancellationToken);

    internal static JsonArray ToJson(IEnumerable<IEnumerable<string>> groups) =>
        new([.. groups.Select(g => (JsonNode)new JsonArray([.. g.Select(p => (JsonNode)p)]))]);

    /// <summary>The last list analysed and the text it came from: a search does not analyse the list again.</summary>
    public sealed class Cache
    {
        // One reference, swapped whole: a search on another thread never reads a key with another list.
        private Entry _last = new("", SynonymList.Empty);

        public SynonymList For(SearchSynonymSettings stored)
        {
            var key = stored.ToLines();
            var last = _last;
            if (last.Key == key)
            {
                return last.List;
            }

            var list = SynonymList.From(stored.Groups);
            _last = new Entry(key, list);
            return list;
        }

        private sealed record Entry(string Key, SynonymList List);
    }
}

/// <summary>
/// The <c>SearchSynonyms</c> step: <c>{ "name": "SearchSynonyms", "Groups": [["CPI", "chỉ số giá tiêu dùng"], ...] }</c>
/// replaces the list; each group is checked as the back office checks a line.
/// </summary>
internal sealed class SearchSynonymsRecipeStep(SettingsStore settings) : IRecipeStep
{
    public string Name => "SearchSynonyms";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var (key, _) in context.Step)
        {
            if (key is not "name" and not "Groups")
            {
                throw context.Error("." + key, $"thuộc tính '{key}' không được hỗ trợ (chỉ có Groups).");
            }
        }

        if (context.Step["Groups"] is not JsonArray array)
        {
            throw context.Error(".Groups", "cần một danh sách nhóm, mỗi nhóm là danh sách các cụm từ đồng nghĩa.");
        }

        if (array.Count > SynonymList.MaxGroups)
        {
            throw context.Error(".Groups", $"tối đa {SynonymList.MaxGroups} nhóm.");
        }

        var groups = new List<List<string>>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonArray group || group.Any(p => p is not JsonValue v || !v.TryGetValue<string>(out var text) || text.Contains('=', StringComparison.Ordinal)))
            {
                throw context.Error($".Groups[{i}]", "mỗi nhóm là danh sách các cụm từ (chuỗi, không chứa dấu '=').");
            }

            var (parsed, errors) = SynonymList.ParseLines(string.Join(" = ", group.Select(p => p!.GetValue<string>())));
            if (errors.Count > 0)
            {
                throw context.Error($".Groups[{i}]", errors[0].Replace("Dòng 1: ", "", StringComparison.Ordinal));
            }

            groups.Add(parsed[0]);
        }

        await settings.MergeAsync(SearchSynonymSettings.DocumentName, new JsonObject { ["Groups"] = SearchSynonyms.ToJson(groups) }, cancellationToken);
    }
}
