using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CucThongKe.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CucThongKe.Search.Querying;

/// <summary>
/// Passes the matches of the type and year filters to <paramref name="inner"/> and counts the facets in the same
/// pass: types over the year filter only, years over the type filter only. Values come from doc values, read once
/// per index segment into arrays (<see cref="FacetColumn"/>): a query can match most of the index.
/// </summary>
internal sealed class FilteringFacetCollector(ICollector inner, string? type, string? year) : ICollector
{
    private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _years = new(StringComparer.Ordinal);
    private FacetColumn _typeColumn = FacetColumn.Empty, _yearColumn = FacetColumn.Empty;
    private int[] _typeCounts = [], _yearCounts = [];
    private int _wantedType = -1, _wantedYear = -1;

    public int TotalHits { get; private set; }

    public Dictionary<string, int> Types
    {
        get
        {
            Flush();
            return _types;
        }
    }

    public Dictionary<string, int> Years
    {
        get
        {
            Flush();
            return _years;
        }
    }

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void Collect(int doc)
    {
        var typeOrd = _typeColumn.Ords[doc];
        var yearOrd = _yearColumn.Ords[doc];
        var typeOk = type is null || (typeOrd >= 0 && typeOrd == _wantedType);
        var yearOk = year is null || (yearOrd >= 0 && yearOrd == _wantedYear);
        if (yearOk && typeOrd >= 0)
        {
            _typeCounts[typeOrd]++;
        }

        if (typeOk && yearOrd >= 0)
        {
            _yearCounts[yearOrd]++;
        }

        if (typeOk && yearOk)
        {
            TotalHits++;
            inner.Collect(doc);
        }
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        inner.SetNextReader(context);
        (_typeColumn, _typeCounts, _wantedType) = Open(context.AtomicReader, SearchFields.Type, type);
        (_yearColumn, _yearCounts, _wantedYear) = Open(context.AtomicReader, SearchFields.Year, year);
    }

    private static (FacetColumn, int[], int) Open(AtomicReader reader, string field, string? wanted)
    {
        var column = FacetColumn.Of(reader, field);
        var ord = wanted is null ? -1 : Array.IndexOf(column.Values, wanted);
        return (column, new int[column.Values.Length], ord);
    }

    private void Flush()
    {
        Flush(_typeColumn, _typeCounts, _types);
        Flush(_yearColumn, _yearCounts, _years);
    }

    private static void Flush(FacetColumn column, int[] counts, Dictionary<string, int> totals)
    {
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] > 0)
            {
                var key = column.Values[ord];
                totals[key] = totals.GetValueOrDefault(key) + counts[ord];
                counts[ord] = 0;
            }
        }
    }
}

/// <summary>
/// A facet field of one index segment as arrays: each document's value number (-1 for none) and the values. A
/// segment never changes, so it is read once, kept while the segment lives and shared by every search.
/// </summary>
internal sealed class FacetColumn(int[] ords, string[] values)
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, FacetColumn>> Segments = [];

    public static readonly FacetColumn Empty = new([], []);

    public int[] Ords { get; } = ords;

    public string[] Values { get; } = values;

    public static FacetColumn Of(AtomicReader reader, string field) =>
        Segments.GetValue(reader.CoreCacheKey, _ => new(StringComparer.Ordinal)).GetOrAdd(field, f => Read(reader, f));

    private static FacetColumn Read(AtomicReader reader, string field)
    {
        var ords = new int[reader.MaxDoc];
        var docValues = reader.GetSortedDocValues(field);
        if (docValues is null)
        {
            Array.Fill(ords, -1);
            return new(ords, []);
        }

        for (var doc = 0; doc < ords.Length; doc++)
        {
            ords[doc] = docValues.GetOrd(doc);
        }

        var values = new string[docValues.ValueCount];
        var bytes = new BytesRef();
        for (var ord = 0; ord < values.Length; ord++)
        {
            docValues.LookupOrd(ord, bytes);
            values[ord] = bytes.Utf8ToString();
        }

        return new(ords, values);
    }
}
