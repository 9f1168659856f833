using Microsoft.AspNetCore.Http;

namespace CucThongKe.Core.Hosting;

/// <summary>Reading a request body with a size limit, for endpoints that read JSON themselves.</summary>
public static class RequestBodies
{
    /// <summary>The body's bytes, or null when it is larger than <paramref name="maxBytes"/> (stops reading as soon as it is).</summary>
    public static async Task<byte[]?> ReadLimitedAsync(this HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
