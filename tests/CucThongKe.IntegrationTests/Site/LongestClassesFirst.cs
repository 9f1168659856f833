using Xunit.Abstractions;

[assembly: TestCollectionOrderer("CucThongKe.Tests.Site.LongestClassesFirst", "CucThongKe.IntegrationTests")]

namespace CucThongKe.Tests.Site;

/// <summary>
/// Starts the test classes (each its own collection) longest first, by the summed test time of an earlier run
/// (<c>class-durations.txt</c>, written by <c>build/class-durations.py</c>). xunit runs four classes at a time and,
/// left to its own order, once started the permission matrix last: it ran alone for the run's last minute while the
/// other threads had nothing left. Longest first leaves only short classes for the end. A class not in the file (a new
/// one) counts as an average class; a missing file leaves xunit's order. The order decides only when a class starts,
/// never what it asserts.
/// </summary>
public sealed class LongestClassesFirst : ITestCollectionOrderer
{
    private const string Prefix = "Test collection for ";

    private static readonly Lazy<Dictionary<string, double>> Durations = new(Read);

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var collections = testCollections.ToList();
        var durations = Durations.Value;
        if (durations.Count == 0)
        {
            return collections;
        }

        var average = durations.Values.Average();
        return collections
            .Select((collection, index) => (collection, index, seconds: durations.TryGetValue(ClassName(collection), out var known) ? known : average))
            .OrderByDescending(c => c.seconds)
            .ThenBy(c => c.index)
            .Select(c => c.collection)
            .ToList();
    }

    /// <summary>"Test collection for CucThongKe.Tests.Security.SqlitePermissionMatrixTests" → "SqlitePermissionMatrixTests".</summary>
    private static string ClassName(ITestCollection collection)
    {
        var name = collection.DisplayName.StartsWith(Prefix, StringComparison.Ordinal) ? collection.DisplayName[Prefix.Length..] : collection.DisplayName;
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        name = space < 0 ? name : name[..space];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private static Dictionary<string, double> Read()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "class-durations.txt");
        var durations = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return durations;
        }

        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && !line.StartsWith('#') && double.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                durations[parts[0]] = seconds;
            }
        }

        return durations;
    }
}
