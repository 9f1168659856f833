using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using CucThongKe.Contents.Text;
using CucThongKe.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/CucThongKe.Benchmarks -- sql [items]</c>: seeds the same site, then for each
/// benchmarked operation prints the SQL it runs (with SQLite's query plan for each SELECT) and how its time splits
/// between the database and everything else.
/// </summary>
/// <remarks>Not a benchmark: a diagnostic to explain the benchmark's figures. Commands are captured through EF Core's DiagnosticListener.</remarks>
internal static class SqlProbe
{
    private const int TimedRuns = 300;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : ContentBenchmarks.SeededItems;
        await using var site = await BenchSite.CreateAsync(count, progress: Console.Out);
        using var recorder = new CommandRecorder();
        string connectionString;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<CmsDbContext>().Database.GetConnectionString()!;
        }

        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode; PRAGMA synchronous;";
            await using var reader = await pragma.ExecuteReaderAsync();
            await reader.ReadAsync();
            var journal = reader.GetString(0);
            await reader.NextResultAsync();
            await reader.ReadAsync();
            Console.WriteLine($"// SQLite {connection.ServerVersion}: journal_mode={journal}, synchronous={reader.GetInt64(0)} (0 off, 1 normal, 2 full, 3 extra) on a new connection");
        }

        var cursor = 0;
        var random = new Random(2026);
        var request = new PublishRequest(PublishSource.Direct, "bench");
        SeededPage Next() => site.Pages[cursor++ % site.Pages.Count];

        async Task SaveDraft()
        {
            var page = Next();
            await using var scope = site.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ContentManager>()
                .SaveDraftAsync(BenchSite.PageInput(page.ContentItemId, "Bản nháp " + cursor, page.Path), null);
        }

        async Task SaveDraftThenPublish(bool recordPublishOnly)
        {
            var page = Next();
            ContentItem draft;
            await using (var scope = site.Services.CreateAsyncScope())
            {
                recorder.Paused = recordPublishOnly;
                draft = await scope.ServiceProvider.GetRequiredService<ContentManager>()
                    .SaveDraftAsync(BenchSite.PageInput(page.ContentItemId, "Bản nháp " + cursor, page.Path), null);
                recorder.Paused = false;
            }

            await using (var scope = site.Services.CreateAsyncScope())
            {
                var watch = Stopwatch.StartNew();
                await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(page.ContentItemId, draft.Id, request);
                recorder.PublishElapsed += watch.Elapsed;
            }
        }

        async Task LoadByRoute()
        {
            var page = site.Pages[random.Next(site.Pages.Count)];
            await using var scope = site.Services.CreateAsyncScope();
            _ = await scope.ServiceProvider.GetRequiredService<ContentManager>().GetByPathAsync(page.Path)
                ?? throw new InvalidOperationException("Seeded page not found at " + page.Path);
        }

        async Task List20()
        {
            await using var scope = site.Services.CreateAsyncScope();
            _ = await scope.ServiceProvider.GetRequiredService<ContentQueries>().ListPublishedAsync(BenchSite.PageType, 0, 20);
        }

        await ProbeAsync("SaveDraft", SaveDraft, recorder, connectionString);
        await ProbeAsync("Publish (the draft is saved first, unrecorded and untimed)", () => SaveDraftThenPublish(recordPublishOnly: true), recorder, connectionString, publishOnly: true);
        await ProbeAsync("LoadPublishedByRoute", LoadByRoute, recorder, connectionString);
        await ProbeAsync("ListLatest20ByType", List20, recorder, connectionString);
        await TimeCpuPartsAsync(site);
        return 0;
    }

    /// <summary>Parts of a save that never touch the database: validation (with HTML sanitising) and sanitising alone.</summary>
    private static async Task TimeCpuPartsAsync(BenchSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var type = await scope.ServiceProvider.GetRequiredService<ContentDefinitionManager>().GetResolvedTypeAsync(BenchSite.PageType)
            ?? throw new InvalidOperationException("No Page type.");
        var validator = scope.ServiceProvider.GetRequiredService<ContentValidator>();
        var page = site.Pages[0];

        async Task<double> MeanMs(Func<Task> action)
        {
            for (var i = 0; i < 50; i++)
            {
                await action();
            }

            var watch = Stopwatch.StartNew();
            for (var i = 0; i < TimedRuns; i++)
            {
                await action();
            }

            return watch.Elapsed.TotalMilliseconds / TimedRuns;
        }

        var validate = await MeanMs(async () => _ = await validator.PrepareAndValidateAsync(BenchSite.PageInput(page.ContentItemId, "Bản nháp", page.Path), type));
        var sanitize = await MeanMs(() => Task.FromResult(RichTextSanitizer.Sanitize(BenchSite.BodyHtml)));
        var scopeOnly = await MeanMs(async () =>
        {
            await using var s = site.Services.CreateAsyncScope();
            _ = s.ServiceProvider.GetRequiredService<ContentManager>();
        });
        Console.WriteLine();
        Console.WriteLine(
            $"## No database: ContentValidator.PrepareAndValidateAsync on a page {validate.ToString("N3", CultureInfo.InvariantCulture)} ms, " +
            $"of which RichTextSanitizer.Sanitize of its ~1 KB body {sanitize.ToString("N3", CultureInfo.InvariantCulture)} ms; " +
            $"a new scope with ContentManager resolved (DbContext included) {scopeOnly.ToString("N3", CultureInfo.InvariantCulture)} ms.");
    }

    private static async Task ProbeAsync(string name, Func<Task> operation, CommandRecorder recorder, string connectionString, bool publishOnly = false)
    {
        for (var i = 0; i < 20; i++)
        {
            await operation();
        }

        Console.WriteLine();
        Console.WriteLine("=== " + name);
        recorder.Start();
        await operation();
        var commands = recorder.Stop();
        foreach (var command in commands)
        {
            Console.WriteLine($"-- {command.Duration.TotalMilliseconds:N3} ms");
            Console.WriteLine(command.Text.Trim());
            foreach (var line in Explain(connectionString, command))
            {
                Console.WriteLine("   PLAN: " + line);
            }
        }

        recorder.PublishElapsed = TimeSpan.Zero;
        recorder.Start();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < TimedRuns; i++)
        {
            await operation();
        }

        var total = publishOnly ? recorder.PublishElapsed : watch.Elapsed;
        var timed = recorder.Stop();
        var sql = timed.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Duration);
        var commit = recorder.CommitTime;
        Console.WriteLine(
            $"## {name}: {commands.Count} commands per operation; mean over {TimedRuns}: {Ms(total)} ms per operation = " +
            $"{Ms(sql)} ms in SQLite commands (as EF Core times them) + {Ms(commit)} ms in {recorder.Commits / (double)TimedRuns:N0} commit(s) + " +
            $"{Ms(total - sql - commit)} ms everything else (scope, EF Core, validation, JSON, change tracking).");

        static string Ms(TimeSpan time) => (time.TotalMilliseconds / TimedRuns).ToString("N3", CultureInfo.InvariantCulture);
    }

    /// <summary>SQLite's plan for a single SELECT; other commands are not explained (EXPLAIN would run the statements after the first).</summary>
    private static List<string> Explain(string connectionString, RecordedCommand command)
    {
        var text = command.Text.Trim().TrimEnd(';');
        if (!text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.Contains(';', StringComparison.Ordinal))
        {
            return [];
        }

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var explain = connection.CreateCommand();
#pragma warning disable CA2100 // The text is EF Core's own command, re-run with its parameters.
        explain.CommandText = "EXPLAIN QUERY PLAN " + text;
#pragma warning restore CA2100
        foreach (var (parameterName, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(parameterName, value ?? DBNull.Value);
        }

        var lines = new List<string>();
        using var reader = explain.ExecuteReader();
        while (reader.Read())
        {
            lines.Add(reader.GetString(3));
        }

        return lines;
    }

    private sealed record RecordedCommand(string Text, IReadOnlyList<(string Name, object? Value)> Parameters, TimeSpan Duration);

    /// <summary>Collects the commands EF Core executes while started.</summary>
    private sealed class CommandRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];
        private readonly List<RecordedCommand> _commands = [];
        private bool _recording;

        public CommandRecorder() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        public bool Paused { get; set; }

        public TimeSpan PublishElapsed { get; set; }

        public TimeSpan CommitTime { get; private set; }

        public int Commits { get; private set; }

        public void Start()
        {
            lock (_commands)
            {
                _commands.Clear();
                CommitTime = TimeSpan.Zero;
                Commits = 0;
                _recording = true;
            }
        }

        public List<RecordedCommand> Stop()
        {
            lock (_commands)
            {
                _recording = false;
                return [.. _commands];
            }
        }

        void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.TransactionCommitted.Name && value.Value is TransactionEndEventData commit)
            {
                lock (_commands)
                {
                    if (_recording && !Paused)
                    {
                        CommitTime += commit.Duration;
                        Commits++;
                    }
                }

                return;
            }

            if (value.Key != RelationalEventId.CommandExecuted.Name || value.Value is not CommandExecutedEventData data)
            {
                return;
            }

            lock (_commands)
            {
                if (_recording && !Paused)
                {
                    var parameters = data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList();
                    _commands.Add(new RecordedCommand(data.Command.CommandText, parameters, data.Duration));
                }
            }
        }

        void IObserver<DiagnosticListener>.OnCompleted()
        {
        }

        void IObserver<DiagnosticListener>.OnError(Exception error)
        {
        }

        void IObserver<KeyValuePair<string, object?>>.OnCompleted()
        {
        }

        void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                foreach (var subscription in _subscriptions)
                {
                    subscription.Dispose();
                }
            }
        }
    }
}
