using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CucThongKe.Search.Indexing;
using CucThongKe.Search.Querying;
using CucThongKe.TextEncoding;

/// <summary>
/// Precision and recall of the public search on the judged query set (bench/search-judgements): the demo recipe's
/// published items and corpus.json's are indexed, each query is searched as a reader would (first page of 10), and
/// its hits are compared with the items judged relevant.
/// </summary>
internal static partial class JudgedQueries
{
    public static int Run(bool withSynonyms)
    {
        var root = RepositoryRoot();
        var folder = Path.Combine(Path.GetTempPath(), "cucthongke-search-judge", Guid.NewGuid().ToString("N"));
        var documents = DemoItems(Path.Combine(root, "Recipes", "demo-content.recipe.json"))
            .Concat(CorpusItems(Path.Combine(root, "bench", "search-judgements", "corpus.json")))
            .ToList();
        var judgements = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "bench", "search-judgements", "judgements.json")))!["queries"]!.AsArray();
        var known = documents.Select(d => d.ContentItemId).ToHashSet(StringComparer.Ordinal);

        using var store = new SearchIndexStore(folder);
        using (var builder = store.BeginBuild())
        {
            builder.Add(documents);
            builder.Publish(0);
        }

        var search = new SearchService(store);
        // The setup recipe's synonym list, as a new site has it ("nosynonyms" leaves it out, to see what it adds).
        var synonyms = withSynonyms ? SetupSynonyms(Path.Combine(root, "Recipes", "cucthongke-thainguyen.recipe.json")) : SynonymList.Empty;
        double precisionSum = 0, recallAt10Sum = 0, recallSum = 0;
        var count = 0;
        Console.WriteLine($"{documents.Count} items, {judgements.Count} judged queries");
        Console.WriteLine($"{"query",-42} {"rel",4} {"hits",5} {"P@10",6} {"R@10",6} {"R",6}  wrong in the first 10");
        foreach (var judgement in judgements)
        {
            var query = judgement!["query"]!.GetValue<string>();
            var relevant = judgement["relevant"]!.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var id in relevant.Where(id => !known.Contains(id)))
            {
                throw new InvalidOperationException($"Judged item '{id}' of '{query}' is in neither the demo recipe nor corpus.json.");
            }

            var first = search.Search(new SearchRequest(query, PageSize: 10, Synonyms: synonyms));
            var all = search.Search(new SearchRequest(query, PageSize: 50, Synonyms: synonyms));
            var firstIds = first.Hits.Select(h => h.Id).ToList();
            var found = firstIds.Count(relevant.Contains);
            var allFound = Enumerable.Range(1, Math.Max(1, all.PageCount))
                .SelectMany(page => page == 1 ? all.Hits : search.Search(new SearchRequest(query, Page: page, PageSize: 50, Synonyms: synonyms)).Hits)
                .Count(h => relevant.Contains(h.Id));
            // Precision of what the first page shows (a query with 2 relevant items and 2 right hits scores 1, not 0.2).
            var precision = firstIds.Count == 0 ? 0 : (double)found / firstIds.Count;
            var recallAt10 = (double)found / Math.Min(10, relevant.Count);
            var recall = (double)allFound / relevant.Count;
            precisionSum += precision;
            recallAt10Sum += recallAt10;
            recallSum += recall;
            count++;
            var wrong = string.Join(", ", firstIds.Where(id => !relevant.Contains(id)).Select(id => id.Length > 24 ? id[..24] : id));
            Console.WriteLine($"{query,-42} {relevant.Count,4} {first.Total,5} {precision,6:F2} {recallAt10,6:F2} {recall,6:F2}  {wrong}");
        }

        Console.WriteLine();
        Console.WriteLine($"Mean over {count} queries: precision@10 {precisionSum / count:F3}, recall@10 {recallAt10Sum / count:F3}, recall (all hits) {recallSum / count:F3}");
        store.Dispose();
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CucThongKe.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }

    private static SynonymList SetupSynonyms(string path)
    {
        var recipe = JsonNode.Parse(File.ReadAllText(path))!;
        var step = recipe["steps"]!.AsArray().First(s => s!["name"]!.GetValue<string>() == "SearchSynonyms")!;
        return SynonymList.From(step["Groups"]!.AsArray().Select(g => g!.AsArray().Select(p => p!.GetValue<string>())));
    }

    /// <summary>The demo recipe's published items; the id is the title folded to a slug (60 characters at most).</summary>
    private static IEnumerable<SearchDocument> DemoItems(string path)
    {
        var recipe = JsonNode.Parse(File.ReadAllText(path))!;
        var content = recipe["steps"]!.AsArray().First(s => s!["name"]!.GetValue<string>() == "Content")!["Data"]!.AsArray();
        foreach (var item in content)
        {
            if (item!["Published"]?.GetValue<bool>() != true)
            {
                continue;
            }

            var type = item["ContentType"]!.GetValue<string>();
            var title = item["TitlePart"]!["Title"]!.GetValue<string>();
            var summary = item["SummaryPart"]?["Summary"]?.GetValue<string>();
            var html = item["HtmlBodyPart"]?["Html"]?.GetValue<string>() ?? "";
            var body = string.Join(' ', new[] { summary ?? "", Tags().Replace(html, " ") }.Concat(Leaves(item[type])));
            var date = DateTime.Parse(item["PublishedUtc"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            var number = item[type]?["Number"]?["Text"]?.GetValue<string>();
            yield return new SearchDocument(Slug(title), type, title, summary, body, "/" + Slug(title), date, date.Year, number, null, null, []);
        }
    }

    private static IEnumerable<SearchDocument> CorpusItems(string path)
    {
        foreach (var item in JsonNode.Parse(File.ReadAllText(path))!["items"]!.AsArray())
        {
            var date = DateTime.SpecifyKind(DateTime.Parse(item!["date"]!.GetValue<string>(), CultureInfo.InvariantCulture), DateTimeKind.Utc);
            var id = item["id"]!.GetValue<string>();
            yield return new SearchDocument(id, item["type"]!.GetValue<string>(), item["title"]!.GetValue<string>(), null, item["body"]!.GetValue<string>(),
                "/" + id, date, date.Year, item["number"]?.GetValue<string>(), null, null, []);
        }
    }

    private static IEnumerable<string> Leaves(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        JsonObject obj => obj.SelectMany(p => Leaves(p.Value)),
        JsonArray array => array.SelectMany(Leaves),
        _ => [],
    };

    private static string Slug(string title)
    {
        var slug = NonAlphanumeric().Replace(VietnameseText.Fold(title), "-").Trim('-');
        return (slug.Length > 60 ? slug[..60] : slug).Trim('-');
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();
}
