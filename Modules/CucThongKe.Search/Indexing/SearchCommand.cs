using CucThongKe.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Search.Indexing;

/// <summary>The <c>search rebuild</c> verb: rebuilds this node's index from the database; a running site switches to it on its next poll.</summary>
internal sealed class SearchCommand : ICmsCommand
{
    public string Verb => "search";

    public string Usage => "Cách dùng: search rebuild";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (args.Count < 2 || args[1] != "rebuild")
        {
            await output.WriteLineAsync(Usage);
            return args.Count < 2 || args[1] == "help" ? 0 : 2;
        }

        var indexer = services.GetRequiredService<SearchIndexer>();
        var status = services.GetRequiredService<RebuildStatus>();
        await output.WriteLineAsync("Đang xây dựng lại chỉ mục tìm kiếm...");
        using var progress = new Timer(_ => output.WriteLine($"  {status.Done}/{status.Total} nội dung"), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        var count = await indexer.RebuildAsync(cancellationToken, forOtherProcess: !indexer.Store.IsOpen);
        await output.WriteLineAsync($"Xong: {count} nội dung đã vào chỉ mục ({indexer.Store.Root}).");
        return 0;
    }
}
