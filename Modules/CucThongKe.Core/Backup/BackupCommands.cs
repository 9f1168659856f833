using CucThongKe.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Core.Backup;

/// <summary><c>backup [FILE]</c>: a backup of the site into FILE, or a new archive in <c>Cms:Backup:Folder</c>.</summary>
internal sealed class BackupCommand : ICmsCommand
{
    public string Verb => "backup";

    public string Usage => "backup [<tệp .tar.gz>]";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var backup = services.GetRequiredService<SiteBackup>();
        var path = args.Count > 1 ? args[1] : backup.NewArchivePath();
        try
        {
            var manifest = await backup.CreateAsync(path, cancellationToken);
            output.WriteLine($"Đã sao lưu vào '{Path.GetFullPath(path)}': {Summary(manifest)}.");
            return 0;
        }
        catch (Exception ex) when (ex is BackupArchiveException or IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync("Không sao lưu được: " + ex.Message);
            return 1;
        }
    }

    internal static string Summary(BackupManifest manifest) =>
        $"cơ sở dữ liệu {manifest.Provider}, {manifest.Counts.GetValueOrDefault("ContentItems")} phiên bản nội dung, " +
        $"{manifest.Counts.GetValueOrDefault("AspNetUsers")} tài khoản, {manifest.Counts.GetValueOrDefault("files")} tệp dữ liệu, " +
        $"tạo lúc {manifest.CreatedUtc:yyyy-MM-dd HH:mm:ss} UTC";
}

/// <summary><c>restore FILE [--force]</c>: runs before start-up (which would otherwise create and set up an empty database first).</summary>
internal sealed class RestoreCommand : ICmsCommand
{
    public const string ForceFlag = "--force";

    public string Verb => "restore";

    public bool BeforeStartup => true;

    public string Usage => $"restore <tệp .tar.gz> [{ForceFlag}]";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var file = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (file is null)
        {
            await errors.WriteLineAsync("Cách dùng: " + Usage);
            return 2;
        }

        try
        {
            var manifest = await services.GetRequiredService<SiteBackup>().RestoreAsync(file, args.Contains(ForceFlag, StringComparer.Ordinal), cancellationToken);
            output.WriteLine($"Đã khôi phục '{Path.GetFullPath(file)}': {BackupCommand.Summary(manifest)}. Khởi động trang như thường; chỉ mục tìm kiếm được dựng lại khi khởi động.");
            return 0;
        }
        catch (BackupArchiveException ex)
        {
            await errors.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            await errors.WriteLineAsync("Không khôi phục được: " + ex.Message);
            return 1;
        }
    }
}
