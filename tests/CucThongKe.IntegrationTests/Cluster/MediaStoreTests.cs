using System.Text;
using CucThongKe.Core.Data;
using CucThongKe.Core.Hosting;
using CucThongKe.Media.Library;
using CucThongKe.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Tests.Cluster;

/// <summary>The media stores' one contract, run against both (the folder and the database), and <c>media move</c> between them.</summary>
/// <remarks>One SQLite site for the class; the two-node test (<c>TwoNodeTests</c>) uploads on one node and reads on the other
/// over the database store.</remarks>
public sealed class MediaStoreTests(SharedSite shared) : IClassFixture<SharedSite>
{
    private static readonly string[] Outside = ["../ngoai-thu-vien.csv", "bao-cao/../../ngoai-thu-vien.csv", "bao-cao\\..\\ngoai.csv", ""];

    private Task<TestSite> SiteAsync() => shared.GetAsync(DatabaseProvider.Sqlite, _ => Task.CompletedTask);

    private static IMediaStore Store(IServiceProvider services, MediaStoreKind kind) => kind == MediaStoreKind.Database
        ? services.GetRequiredService<DatabaseMediaStore>()
        : services.GetRequiredService<FolderMediaStore>();

    [Theory]
    [InlineData(MediaStoreKind.Folder)]
    [InlineData(MediaStoreKind.Database)]
    public async Task A_store_keeps_replaces_lists_and_deletes_a_file_and_refuses_paths_out_of_the_library(MediaStoreKind kind)
    {
        var site = await SiteAsync();
        var path = $"bao-cao/{kind.ToString().ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..6]}/lao-dong-viec-lam.csv";
        var first = Encoding.UTF8.GetBytes("Chỉ tiêu;Giá trị\nTỷ lệ thất nghiệp (%);1,9\n");
        var second = Encoding.UTF8.GetBytes("Chỉ tiêu;Giá trị\nTỷ lệ thất nghiệp (%);2,1\nLực lượng lao động (nghìn người);728,4\n");
        var local = Path.Combine(site.DataPath, "tmp-" + Guid.NewGuid().ToString("N"));
        await site.WithScopeAsync(async services =>
        {
            var store = Store(services, kind);
            Assert.Equal(kind, store.Kind);
            Assert.Null(await store.LocalFileAsync(path, default));

            await File.WriteAllBytesAsync(local, first);
            await store.SaveAsync(path, local, default);
            Assert.Equal(first, await File.ReadAllBytesAsync((await store.LocalFileAsync(path, default))!));
            Assert.Equal(first, await File.ReadAllBytesAsync((await store.LocalFileAsync("/" + path, default))!));

            // Replaced: the new content, not a cached copy of the old.
            await File.WriteAllBytesAsync(local, second);
            await store.SaveAsync(path, local, default);
            Assert.Equal(second, await File.ReadAllBytesAsync((await store.LocalFileAsync(path, default))!));
            var listed = new List<(string, long)>();
            await foreach (var entry in store.ListAsync(default))
            {
                listed.Add(entry);
            }

            Assert.Contains((path, (long)second.Length), listed);
            Assert.DoesNotContain(listed, e => e.Item1.StartsWith(FolderMediaStore.UploadsFolder, StringComparison.Ordinal));

            // Out of the library: refused to write, nothing to read.
            foreach (var outside in Outside)
            {
                await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(outside, local, default));
                Assert.Null(await store.LocalFileAsync(outside, default));
            }

            Assert.False(File.Exists(Path.Combine(site.DataPath, "ngoai-thu-vien.csv")));

            await store.DeleteAsync(path, default);
            Assert.Null(await store.LocalFileAsync(path, default));
            await store.DeleteAsync(path, default); // twice: nothing left, no error
        });
        File.Delete(local);
    }

    [Fact]
    public async Task Media_move_copies_every_file_to_the_other_store_once_and_counts_them()
    {
        var site = await SiteAsync();
        var names = new[] { "anh/hoi-nghi-tong-ket.png", "tai-lieu/nien-giam-thong-ke-2025.pdf" };
        var folder = Path.Combine(site.DataPath, "media");
        foreach (var name in names)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, name))!);
            await File.WriteAllTextAsync(Path.Combine(folder, name), "Niên giám thống kê tỉnh Thái Nguyên: " + name);
        }

        var inFolder = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count(f => !f.Contains(FolderMediaStore.UploadsFolder, StringComparison.Ordinal));

        var (code, said) = await RunAsync(site, "media", "move", "database");
        Assert.Equal(0, code);
        Assert.Contains($"đã chép {inFolder} tệp, 0 tệp đã có sẵn", said, StringComparison.Ordinal);
        var blobs = await site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<MediaBlob>().AsNoTracking().ToListAsync());
        Assert.Equal(inFolder, blobs.Count);
        foreach (var name in names)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, name)), Assert.Single(blobs, b => b.Path == name).Content);
        }

        // Again: nothing to copy.
        (code, said) = await RunAsync(site, "media", "move", "database");
        Assert.Contains($"đã chép 0 tệp, {inFolder} tệp đã có sẵn", said, StringComparison.Ordinal);

        // Back to a folder that lost one file: that one comes back, with its content.
        var lost = Path.Combine(folder, names[1]);
        var content = await File.ReadAllBytesAsync(lost);
        File.Delete(lost);
        (code, said) = await RunAsync(site, "media", "move", "folder");
        Assert.Equal(0, code);
        Assert.Contains($"đã chép 1 tệp, {inFolder - 1} tệp đã có sẵn", said, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllBytesAsync(lost));

        // Wrong arguments: the usage, exit code 2, nothing copied.
        (code, said) = await RunAsync(site, "media", "move", "s3");
        Assert.Equal(2, code);
        Assert.Contains("media move folder|database", said, StringComparison.Ordinal);

        await site.WithScopeAsync(s => s.GetRequiredService<CmsDbContext>().Set<MediaBlob>().ExecuteDeleteAsync());
    }

    private static async Task<(int Code, string Output)> RunAsync(TestSite site, params string[] args)
    {
        using var output = new StringWriter();
        var code = await CmsCommands.RunAsync(site.Services, args, output, output);
        return (code, output.ToString());
    }
}
