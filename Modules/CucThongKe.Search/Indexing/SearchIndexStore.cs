using System.Globalization;
using CucThongKe.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Directory = System.IO.Directory;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace CucThongKe.Search.Indexing;

/// <summary>
/// This node's public search index: one Lucene folder under <c>{Cms:DataPath}/search/public/</c>, named by the file
/// <c>current</c>; the last indexing task applied is kept in the index's own commit data, so the index and its
/// cursor can never disagree. A rebuild writes a new folder and swaps; readers keep the old one until then.
/// </summary>
public sealed class SearchIndexStore : IDisposable
{
    public const string CursorKey = "indexingTaskCursor";

    /// <summary>The fields' layout this code writes and reads, kept in the index's commit data: an index written
    /// with another layout (before exact pairs and cited numbers, say) is rebuilt rather than searched wrongly.</summary>
    public const string FormatKey = "format";
    public const string Format = "2";
    private const string PointerFile = "current";

    private readonly System.Threading.Lock _gate = new();
    private Generation? _current;

    public SearchIndexStore(string root)
    {
        Root = root;
        Directory.CreateDirectory(root);
    }

    /// <summary>The analyzer of every field: exact form for "all", folded for "title.f" and "all.f", folded pairs for "all.f2".</summary>
    public static Analyzer CreateAnalyzer() => new PerFieldAnalyzerWrapper(
        new VietnameseAnalyzer(VietnameseForm.Exact),
        new Dictionary<string, Analyzer>
        {
            [SearchFields.Folded(SearchFields.Title)] = new VietnameseAnalyzer(VietnameseForm.Folded),
            [SearchFields.Folded(SearchFields.All)] = new VietnameseAnalyzer(VietnameseForm.Folded),
            [SearchFields.Pairs] = new VietnameseAnalyzer(VietnameseForm.FoldedPairs),
            [SearchFields.ExactPairs] = new VietnameseAnalyzer(VietnameseForm.ExactPairs),
        });

    public string Root { get; }

    /// <summary>True once an index is open (built at least once on this node).</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _current is not null;
            }
        }
    }

    /// <summary>The folder the index is read from now.</summary>
    public string? CurrentFolder
    {
        get
        {
            lock (_gate)
            {
                return _current?.Folder;
            }
        }
    }

    /// <summary>The last indexing task applied (0 before the first build).</summary>
    public long Cursor
    {
        get
        {
            lock (_gate)
            {
                return _current?.Cursor ?? 0;
            }
        }
    }

    /// <summary>Opens the folder named by the pointer file, if any; false when this node has no index yet.</summary>
    public bool TryOpen()
    {
        var folder = ReadPointer();
        if (folder is null || !Directory.Exists(Path.Combine(Root, folder)))
        {
            return false;
        }

        lock (_gate)
        {
            if (_current?.Folder == folder)
            {
                return true;
            }

            var opened = Generation.Open(Root, folder);
            if (opened.Format != Format)
            {
                // Written by an older version: the caller rebuilds it from the database.
                opened.Dispose();
                return false;
            }

            var old = _current;
            _current = opened;
            old?.Dispose();
        }

        DeleteOtherFolders(folder);
        return true;
    }

    /// <summary>True when another process (the command-line rebuild) has pointed the index at a new folder.</summary>
    public bool PointerMoved()
    {
        var folder = ReadPointer();
        lock (_gate)
        {
            return folder is not null && folder != _current?.Folder;
        }
    }

    /// <summary>Applies changes and records the new cursor in the same commit; readers see them right after.</summary>
    public void Apply(IReadOnlyList<SearchDocument> upserts, IReadOnlyCollection<string> deletes, long cursor)
    {
        lock (_gate)
        {
            var current = _current ?? throw new InvalidOperationException("The search index is not open.");
            // An item has up to two documents (published and draft): both go, then what the item has now comes back.
            foreach (var id in deletes.Concat(upserts.Select(d => d.ContentItemId)).Distinct(StringComparer.Ordinal))
            {
                current.Writer.DeleteDocuments(new Term(SearchFields.Id, id));
            }

            foreach (var document in upserts)
            {
                current.Writer.AddDocument(SearchFields.ToLucene(document));
            }

            current.Commit(Math.Max(cursor, current.Cursor));
        }
    }

    /// <summary>Runs a search on the latest committed state.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        SearcherManager manager;
        lock (_gate)
        {
            manager = (_current ?? throw new InvalidOperationException("The search index is not open.")).Searchers;
        }

        var searcher = manager.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    /// <summary>Starts a new index folder; <see cref="IndexBuilder.Publish"/> makes it the current one.</summary>
    public IndexBuilder BeginBuild() => new(this, "index-" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6]);

    public void Dispose()
    {
        lock (_gate)
        {
            _current?.Dispose();
            _current = null;
        }
    }

    private string? ReadPointer()
    {
        var path = Path.Combine(Root, PointerFile);
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() is { Length: > 0 } name ? name : null : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private void WritePointer(string folder)
    {
        // Written beside and renamed, so a reader never sees half a name.
        var temp = Path.Combine(Root, PointerFile + ".tmp-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(temp, folder);
        File.Move(temp, Path.Combine(Root, PointerFile), overwrite: true);
    }

    private void DeleteOtherFolders(string keep)
    {
        foreach (var folder in Directory.EnumerateDirectories(Root, "index-*"))
        {
            if (Path.GetFileName(folder) == keep)
            {
                continue;
            }

            try
            {
                // Only folders no writer holds: a build in progress keeps its write.lock open.
                if (!File.Exists(Path.Combine(folder, "write.lock")) || TryDeleteLock(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
                // Still open somewhere (a reader of the old folder); the next swap removes it.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool TryDeleteLock(string folder)
    {
        using var directory = FSDirectory.Open(folder);
        return !IndexWriter.IsLocked(directory);
    }

    /// <summary>A new index being filled from the database, out of readers' sight until published.</summary>
    public sealed class IndexBuilder : IDisposable
    {
        private readonly SearchIndexStore _store;
        private Generation? _generation;

        internal IndexBuilder(SearchIndexStore store, string folder)
        {
            _store = store;
            Folder = folder;
            _generation = Generation.Open(store.Root, folder);
        }

        public string Folder { get; }

        public void Add(IEnumerable<SearchDocument> documents)
        {
            // A new index holds each document once: added, not updated (no delete to look up per document); the
            // writer analyses on several threads at once.
            var writer = _generation!.Writer;
            Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, document => writer.AddDocument(SearchFields.ToLucene(document)));
        }

        /// <summary>Commits with <paramref name="cursor"/> (the last task known before reading the database) and makes this the current index.</summary>
        public void Publish(long cursor)
        {
            var generation = _generation ?? throw new InvalidOperationException("Already published.");
            generation.Optimize();
            generation.Commit(cursor);
            lock (_store._gate)
            {
                var old = _store._current;
                _store._current = generation;
                _store.WritePointer(Folder);
                old?.Dispose();
            }

            _generation = null;
            _store.DeleteOtherFolders(Folder);
        }

        /// <summary>Publishes for a process that does not serve searches (the command line): the serving node opens it.</summary>
        public void PublishForOtherProcess(long cursor)
        {
            var generation = _generation ?? throw new InvalidOperationException("Already published.");
            generation.Optimize();
            generation.Commit(cursor);
            generation.Dispose();
            _generation = null;
            _store.WritePointer(Folder);
        }

        public void Dispose()
        {
            if (_generation is not null)
            {
                // Abandoned: the folder is removed.
                _generation.Dispose();
                _generation = null;
                try
                {
                    Directory.Delete(Path.Combine(_store.Root, Folder), recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    /// <summary>One open index folder: its writer, its readers and its cursor.</summary>
    private sealed class Generation : IDisposable
    {
        private readonly Analyzer _analyzer;
        private readonly LuceneDirectory _directory;

        private Generation(string folder, LuceneDirectory directory, Analyzer analyzer, IndexWriter writer, long cursor, string format)
        {
            Format = format;
            Folder = folder;
            _directory = directory;
            _analyzer = analyzer;
            Writer = writer;
            Cursor = cursor;
            Searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        }

        public string Folder { get; }

        public IndexWriter Writer { get; }

        public SearcherManager Searchers { get; }

        public long Cursor { get; private set; }

        public string Format { get; }

        public static Generation Open(string root, string folder)
        {
            var directory = FSDirectory.Open(Path.Combine(root, folder));
            var analyzer = CreateAnalyzer();
            // A bigger buffer than the default 16 MB: fewer, larger segments flushed during a rebuild.
            var config = new IndexWriterConfig(VietnameseAnalyzer.Version, analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND, RAMBufferSizeMB = 64 };
            var writer = new IndexWriter(directory, config);
            long cursor = 0;
            // A new folder is written with this code's layout; an existing one says which it has ("1" before the key).
            var format = SearchIndexStore.Format;
            if (DirectoryReader.IndexExists(directory))
            {
                var commit = DirectoryReader.ListCommits(directory)[^1];
                if (commit.UserData.TryGetValue(CursorKey, out var value))
                {
                    cursor = long.Parse(value, CultureInfo.InvariantCulture);
                }

                format = commit.UserData.TryGetValue(FormatKey, out var written) ? written : "1";
            }
            else
            {
                writer.SetCommitData(new Dictionary<string, string> { [FormatKey] = format });
                writer.Commit();
            }

            return new Generation(folder, directory, analyzer, writer, cursor, format);
        }

        /// <summary>One segment: a query then looks each term up once, not once per segment (seconds for 100,000 items).</summary>
        public void Optimize() => Writer.ForceMerge(1);

        public void Commit(long cursor)
        {
            Writer.SetCommitData(new Dictionary<string, string> { [CursorKey] = cursor.ToString(CultureInfo.InvariantCulture), [FormatKey] = Format });
            Writer.Commit();
            Cursor = cursor;
            Searchers.MaybeRefreshBlocking();
        }

        public void Dispose()
        {
            Searchers.Dispose();
            Writer.Dispose();
            _analyzer.Dispose();
            _directory.Dispose();
        }
    }
}
