using CucThongKe.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Media.Library;

/// <summary>
/// <c>media move folder|database</c>: copies every library file from the other store into the named one, then says how many
/// were copied and how many were there already (same path and size). Run it again after a stop: it goes on where it was.
/// The source keeps its files (the site still reads them until <c>Cms:Media:Store</c> names the new store); delete them
/// once the site runs on the new store.
/// </summary>
internal sealed class MediaStoreCommand : ICmsCommand
{
    public string Verb => "media";

    public string Usage => "Cách dùng: media move folder|database (chép tệp của thư viện sang kho đã chọn)";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        MediaStoreKind? target = args.Count == 3 && args[1] == "move" ? args[2] switch
        {
            "folder" => MediaStoreKind.Folder,
            "database" => MediaStoreKind.Database,
            _ => null,
        } : null;
        if (target is null)
        {
            await output.WriteLineAsync(Usage);
            return args.Count < 2 || args[1] == "help" ? 0 : 2;
        }

        IMediaStore folder = services.GetRequiredService<FolderMediaStore>();
        IMediaStore database = services.GetRequiredService<DatabaseMediaStore>();
        var (from, to) = target == MediaStoreKind.Database ? (folder, database) : (database, folder);
        await output.WriteLineAsync($"Đang chép tệp của thư viện từ kho {Name(from.Kind)} sang kho {Name(to.Kind)}...");
        var there = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var (path, size) in to.ListAsync(cancellationToken))
        {
            there[path] = size;
        }

        int copied = 0, skipped = 0;
        await foreach (var (path, size) in from.ListAsync(cancellationToken))
        {
            if (there.TryGetValue(path, out var existing) && existing == size)
            {
                skipped++;
                continue;
            }

            if (await from.LocalFileAsync(path, cancellationToken) is not { } local)
            {
                continue; // deleted meanwhile
            }

            await to.SaveAsync(path, local, cancellationToken);
            copied++;
        }

        await output.WriteLineAsync($"Xong: đã chép {copied} tệp, {skipped} tệp đã có sẵn ở kho {Name(to.Kind)}. " +
            $"Đặt Cms:Media:Store={to.Kind} để trang dùng kho này; tệp ở kho {Name(from.Kind)} được giữ nguyên.");
        return 0;
    }

    private static string Name(MediaStoreKind kind) => kind == MediaStoreKind.Database ? "cơ sở dữ liệu" : "thư mục";
}
