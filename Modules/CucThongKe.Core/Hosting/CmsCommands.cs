using CucThongKe.Core.Data;
using CucThongKe.Core.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Core.Hosting;

/// <summary>
/// The host's command-line verbs: <c>recipe list</c>, <c>recipe run FILE|ID [--legacy-import]</c>,
/// <c>recipe export FILE [--content]</c>, and every module's <see cref="ICmsCommand"/>.
/// </summary>
internal static class CmsCommands
{
    /// <summary>
    /// Who a command-line run records as author, owner and publisher: the operating-system account that ran it, marked as
    /// such so that it is never mistaken for a site account (whoever runs the command has the server, not a site role).
    /// </summary>
    public static string CommandLineActor => "cli:" + Environment.UserName;

    public static bool IsCommand(IServiceProvider services, string verb) =>
        verb is "recipe" || services.GetServices<ICmsCommand>().Any(c => c.Verb == verb);

    public static Task<int> RunAsync(IServiceProvider services, string[] args) => RunAsync(services, args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length > 0 && args[0] != "recipe" && services.GetServices<ICmsCommand>().FirstOrDefault(c => c.Verb == args[0]) is { } command)
        {
            await using var commandScope = services.CreateAsyncScope();
            return await command.RunAsync(commandScope.ServiceProvider, args, output, errors, CancellationToken.None);
        }

        var action = args.Length > 1 ? args[1] : "help";
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        switch (action)
        {
            case "list":
                foreach (var entry in provider.GetRequiredService<RecipeHarvester>().Harvest())
                {
                    output.WriteLine($"{entry.Id,-50} {entry.Document.DisplayName ?? entry.Document.Name}");
                }

                return 0;
            case "run" when args.Length > 2:
                try
                {
                    var harvester = provider.GetRequiredService<RecipeHarvester>();
                    var recipe = harvester.Find(args[2])?.Document ?? RecipeHarvester.ReadFile(args[2]);
                    var legacyImport = args.Skip(3).Contains(RecipeRunOptions.LegacyImportFlag, StringComparer.Ordinal);
                    output.WriteLine($"Đang chạy công thức '{recipe.Name}' ({recipe.Steps.Count} bước)...");
                    await provider.GetRequiredService<RecipeExecutor>().ExecuteAsync(recipe, RecipeRunOptions.CommandLine(CommandLineActor, legacyImport) with
                    {
                        Progress = new WriterProgress(output),
                    });
                    output.WriteLine("Xong: công thức đã được áp dụng.");
                    return 0;
                }
                catch (RecipeException ex)
                {
                    await errors.WriteLineAsync("Lỗi: " + ex.Message);
                    await errors.WriteLineAsync("Không có thay đổi nào được lưu.");
                    return 2;
                }

            case "export" when args.Length > 2:
                var includeContent = args.Contains("--content");
                var document = await provider.GetRequiredService<RecipeExportService>().ExportAsync(new RecipeExportOptions(includeContent));
                await File.WriteAllTextAsync(args[2], document.ToJsonString(CmsJson.Indented));
                output.WriteLine($"Đã xuất công thức ra '{args[2]}'.");
                return 0;
            default:
                output.WriteLine($"Cách dùng: recipe list | recipe run <tệp hoặc mã công thức> [{RecipeRunOptions.LegacyImportFlag}] | recipe export <tệp> [--content]");
                return action == "help" ? 0 : 2;
        }
    }

    private sealed class WriterProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine("  " + value);
    }
}
