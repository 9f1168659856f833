using System.Data.Common;
using System.Globalization;
using System.Text;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests;

/// <summary>
/// Every row of every table of the site's database, sorted, so that a test can say
/// "this attempt changed nothing stored" without naming the tables an attacker might have reached.
/// </summary>
/// <remarks>
/// Some tables record the attempt itself (the sign-in log, a lockout counter, a token's last use): name them in
/// <c>except</c> (a table) or as <c>Table.Column</c> (one column left out) and assert on them separately.
/// </remarks>
public sealed class DatabaseSnapshot
{
    private readonly Dictionary<string, List<string>> _tables;

    private DatabaseSnapshot(Dictionary<string, List<string>> tables) => _tables = tables;

    /// <summary>The tables the site's model maps (EF's own migrations history included).</summary>
    public IReadOnlyCollection<string> Tables => _tables.Keys;

    /// <summary>Whether some row of <paramref name="table"/> contains <paramref name="text"/> (to check that a snapshot sees the data it guards).</summary>
    public bool Contains(string table, string text) => _tables.GetValueOrDefault(table)?.Exists(r => r.Contains(text, StringComparison.Ordinal)) == true;

    /// <summary>
    /// What the site writes in the background whatever a request does, left out of every snapshot: a background loop
    /// renewing its lease, the data-protection key ring (kept in the data folder before, which no snapshot read), and
    /// a token's last use, written off the request and at most once a minute by design (ApiTokenUsage), and when the
    /// notification mailer sent a notice (only its loop writes it, whenever it runs).
    /// </summary>
    private static readonly string[] AlwaysSkipped = ["Leases", "DataProtectionKeys", "ApiTokens.LastUsedUtc", "WorkflowNotifications.EmailedUtc"];

    public static async Task<DatabaseSnapshot> TakeAsync(TestSite site, params string[] except)
    {
        await using var scope = site.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        except = [.. except, .. AlwaysSkipped];
        var skippedTables = except.Where(e => !e.Contains('.', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var skippedColumns = except.Where(e => e.Contains('.', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>()
            .Append("__EFMigrationsHistory").Distinct().Where(t => !skippedTables.Contains(t)).Order(StringComparer.Ordinal).ToList();

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(Row(reader, table, skippedColumns));
            }

            rows.Sort(StringComparer.Ordinal);
            result[table] = rows;
        }

        return new DatabaseSnapshot(result);
    }

    /// <summary>The tables whose rows differ from <paramref name="other"/>'s, each with its row counts and first differing row; empty when nothing changed.</summary>
    public IReadOnlyList<string> Differences(DatabaseSnapshot other) =>
        [.. _tables.Keys.Union(other._tables.Keys).Order(StringComparer.Ordinal)
            .Select(t => (Table: t, Before: _tables.GetValueOrDefault(t) ?? [], After: other._tables.GetValueOrDefault(t) ?? []))
            .Where(t => !t.Before.SequenceEqual(t.After, StringComparer.Ordinal))
            .Select(t => $"{t.Table}: {t.Before.Count} → {t.After.Count} rows; {FirstDifference(t.Before, t.After)}")];

    /// <summary>Fails naming every table that changed since this snapshot.</summary>
    public async Task AssertUnchangedAsync(TestSite site, params string[] except)
    {
        var now = await TakeAsync(site, except);
        var differences = Differences(now);
        Assert.True(differences.Count == 0, "Stored data changed:\n" + string.Join("\n", differences));
    }

    private static string FirstDifference(List<string> before, List<string> after)
    {
        var i = 0;
        while (i < before.Count && i < after.Count && before[i] == after[i])
        {
            i++;
        }

        return $"before: {(i < before.Count ? before[i] : "(none)")} / after: {(i < after.Count ? after[i] : "(none)")}";
    }

    private static string Row(DbDataReader reader, string table, HashSet<string> skippedColumns)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (skippedColumns.Contains(table + "." + reader.GetName(i)))
            {
                continue;
            }

            var value = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
            {
                byte[] bytes => Convert.ToHexString(bytes),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture),
            };
            builder.Append(reader.GetName(i)).Append('=').Append(value).Append('\u001f');
        }

        return builder.ToString();
    }
}
