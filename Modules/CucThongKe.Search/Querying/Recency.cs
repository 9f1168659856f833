using CucThongKe.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CucThongKe.Search.Querying;

/// <summary>
/// Recency breaks ties: two items that match a query equally (the same report of two years, "Tình hình kinh tế - xã
/// hội tháng 10 năm 2025" and "... năm 2026") are ordered newest first. The score is raised by at most half a percent
/// for the newest date, so it only reorders items whose scores are that close; a better match stays first.
/// </summary>
internal static class Recency
{
    /// <summary>The most a score is raised for being new: enough to order equal scores, too little to overturn a better match.</summary>
    private const double MaxRaise = 0.005;

    private static readonly long Oldest = new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly long Newest = new DateTime(2090, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    public static TopDocs BreakTies(IndexSearcher searcher, TopDocs ranked, int wanted)
    {
        var dates = MultiDocValues.GetNumericValues(searcher.IndexReader, SearchFields.Date);
        var ordered = ranked.ScoreDocs
            .Select(hit => (Hit: hit, Score: Raise(hit.Score, dates?.Get(hit.Doc) ?? 0)))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Hit.Doc)
            .Take(wanted)
            .Select(h => new ScoreDoc(h.Hit.Doc, (float)h.Score))
            .ToArray();
        return new TopDocs(ranked.TotalHits, ordered, ordered.Length > 0 ? ordered[0].Score : float.NaN);
    }

    /// <summary>The score raised by the date's place between 1990 and 2090 (no date: not raised).</summary>
    internal static double Raise(float score, long ticks) =>
        score * (1 + (MaxRaise * Math.Clamp((double)(ticks - Oldest) / (Newest - Oldest), 0, 1)));
}
