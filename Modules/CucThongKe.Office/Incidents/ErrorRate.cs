using Microsoft.AspNetCore.Http;

namespace CucThongKe.Office.Incidents;

/// <summary>Answers and server errors (5xx) counted in ten-second buckets over the last ten minutes, on the site's clock; lock-free and cheap per request.</summary>
public sealed class ErrorRateCounter(TimeProvider clock)
{
    private const int BucketSeconds = 10;
    private const int Buckets = 60;
    private readonly long[] _stamp = new long[Buckets];
    private readonly int[] _requests = new int[Buckets];
    private readonly int[] _errors = new int[Buckets];

    public void Count(bool serverError)
    {
        var slot = Slot(out var index);
        if (Interlocked.Exchange(ref _stamp[index], slot) != slot)
        {
            // The bucket held an older slot: start it again (a count racing this reset may be lost, which a rate can afford).
            Interlocked.Exchange(ref _requests[index], 0);
            Interlocked.Exchange(ref _errors[index], 0);
        }

        Interlocked.Increment(ref _requests[index]);
        if (serverError)
        {
            Interlocked.Increment(ref _errors[index]);
        }
    }

    /// <summary>Requests and server errors of the last <paramref name="minutes"/> minutes (1-10).</summary>
    public (int Requests, int Errors) Window(int minutes)
    {
        var current = Slot(out _);
        var oldest = current - Math.Clamp(minutes, 1, 10) * 60 / BucketSeconds + 1;
        var (requests, errors) = (0, 0);
        for (var i = 0; i < Buckets; i++)
        {
            var stamp = Interlocked.Read(ref _stamp[i]);
            if (stamp >= oldest && stamp <= current)
            {
                requests += Volatile.Read(ref _requests[i]);
                errors += Volatile.Read(ref _errors[i]);
            }
        }

        return (requests, errors);
    }

    private long Slot(out int index)
    {
        var slot = clock.GetUtcNow().ToUnixTimeSeconds() / BucketSeconds;
        index = (int)(slot % Buckets);
        return slot;
    }
}

/// <summary>Counts every answer for <see cref="ErrorRateCounter"/>; an exception on its way out counts as a server error.</summary>
internal sealed class ErrorRateMiddleware(RequestDelegate next, ErrorRateCounter counter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch
        {
            counter.Count(serverError: true);
            throw;
        }

        counter.Count(context.Response.StatusCode >= StatusCodes.Status500InternalServerError);
    }
}
