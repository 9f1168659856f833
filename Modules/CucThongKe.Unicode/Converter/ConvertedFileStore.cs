using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CucThongKe.Core.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace CucThongKe.Unicode.Converter;

/// <summary>A converted file waiting to be downloaded by the user who converted it.</summary>
public sealed record ConvertedFile(string UserName, string FileName, string ContentType);

/// <summary>Keeps each converter result for an hour under <c>{Cms:DataPath}/tmp/chuyen-ma/</c>, so the plain page can offer a download link.</summary>
public sealed class ConvertedFileStore(IOptions<CmsOptions> cms, IWebHostEnvironment environment, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private string Root => Path.Combine(cms.Value.ResolveDataPath(environment.ContentRootPath), "tmp", "chuyen-ma");

    /// <summary>Stores <paramref name="content"/> and returns the token that downloads it.</summary>
    public async Task<string> SaveAsync(ConvertedFile file, byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        RemoveExpired();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await File.WriteAllBytesAsync(Path.Combine(Root, token + ".bin"), content, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Root, token + ".json"), JsonSerializer.Serialize(file), Encoding.UTF8, cancellationToken);
        return token;
    }

    /// <summary>The stored file, or null when the token is unknown, expired or another user's.</summary>
    public async Task<(ConvertedFile File, byte[] Content)?> GetAsync(string? token, string userName, CancellationToken cancellationToken)
    {
        if (token is not { Length: 32 } || !token.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var meta = Path.Combine(Root, token + ".json");
        var data = Path.Combine(Root, token + ".bin");
        if (!File.Exists(meta) || !File.Exists(data) || File.GetLastWriteTimeUtc(data) < clock.GetUtcNow().UtcDateTime - Lifetime)
        {
            return null;
        }

        var file = JsonSerializer.Deserialize<ConvertedFile>(await File.ReadAllTextAsync(meta, cancellationToken));
        return file is null || file.UserName != userName ? null : (file, await File.ReadAllBytesAsync(data, cancellationToken));
    }

    private void RemoveExpired()
    {
        var limit = clock.GetUtcNow().UtcDateTime - Lifetime;
        foreach (var path in Directory.EnumerateFiles(Root))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(path) < limit)
                {
                    File.Delete(path);
                }
            }
            catch (IOException)
            {
                // Being read by a download right now; the next save removes it.
            }
        }
    }
}
