using System.Security.Cryptography;
using CucThongKe.Core.Hosting;
using CucThongKe.Media.Library;
using CucThongKe.Tests.Site;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CucThongKe.Tests.Cluster;

/// <summary>The database store moves a large file between disk and database a buffer at a time, never whole in memory;
/// on both providers (SQLite's blob I/O and PostgreSQL's stream parameter and sequential reader are different code).</summary>
/// <remarks>Allocations can only be counted for the whole process (the awaits change threads): the classes run alone,
/// after the parallel ones (<see cref="AllocationMeasurements"/>), and the least of three tries is kept.</remarks>
[Collection(AllocationMeasurements.Name)]
public abstract class MediaStreamingTests(DatabaseProvider provider, ITestOutputHelper output) : SiteTestBase(provider)
{
    /// <summary>Large enough that a store holding it whole could not hide it; small enough to keep the test short (what a
    /// store streams costs the same for 16 MB as for 50).</summary>
    private const int FileBytes = 16 * 1024 * 1024;

    /// <summary>What a save or a read may allocate: the pooled buffers, the commands, the EF Core queries; a store holding
    /// the file whole would allocate at least the file, four times this.</summary>
    private const long AllowedBytes = FileBytes / 4;

    [Fact]
    public async Task A_large_file_is_saved_and_read_back_without_being_held_whole_in_memory()
    {
        var path = $"so-lieu/tong-dieu-tra-{Guid.NewGuid().ToString("N")[..6]}.zip";
        var local = Path.Combine(Site.DataPath, "lon-" + Guid.NewGuid().ToString("N"));
        await using (var file = File.Create(local))
        {
            var chunk = new byte[1024 * 1024];
            for (var i = 0; i < FileBytes / chunk.Length; i++)
            {
                Random.Shared.NextBytes(chunk);
                await file.WriteAsync(chunk);
            }
        }

        var saved = await LeastAllocatedAsync(() => Site.WithScopeAsync(s => s.GetRequiredService<DatabaseMediaStore>().SaveAsync(path, local, default)));
        string? copy = null;
        var read = await LeastAllocatedAsync(async () =>
        {
            Site.Services.GetRequiredService<MediaStoreCache>().Forget(path);
            copy = await Site.WithScopeAsync(s => s.GetRequiredService<DatabaseMediaStore>().LocalFileAsync(path, default));
        });

        output.WriteLine($"{FileBytes:N0} bytes: saving allocated {saved:N0}, reading {read:N0}");
        Assert.True(saved < AllowedBytes, $"Saving a {FileBytes:N0}-byte file allocated {saved:N0} bytes.");
        Assert.True(read < AllowedBytes, $"Reading a {FileBytes:N0}-byte file into the node's cache allocated {read:N0} bytes.");
        Assert.NotNull(copy);
        Assert.Equal(FileBytes, new FileInfo(copy).Length);
        Assert.Equal(await HashAsync(local), await HashAsync(copy));
    }

    private static async Task<long> LeastAllocatedAsync(Func<Task> work)
    {
        var least = long.MaxValue;
        for (var attempt = 0; attempt < 3 && least >= AllowedBytes; attempt++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await work();
            least = Math.Min(least, GC.GetTotalAllocatedBytes(precise: true) - before);
        }

        return least;
    }

    private static async Task<byte[]> HashAsync(string file)
    {
        await using var stream = File.OpenRead(file);
        return await SHA256.HashDataAsync(stream);
    }
}

public sealed class SqliteMediaStreamingTests(ITestOutputHelper output) : MediaStreamingTests(DatabaseProvider.Sqlite, output);

public sealed class PostgresMediaStreamingTests(ITestOutputHelper output) : MediaStreamingTests(DatabaseProvider.Postgres, output);

/// <summary>Tests that count the process's allocations: run one at a time, after every parallel test class.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurements
{
    public const string Name = "Allocation measurements";
}
