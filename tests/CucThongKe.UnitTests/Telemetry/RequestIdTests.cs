using CucThongKe.Core.Telemetry;

namespace CucThongKe.Tests.Telemetry;

/// <summary>Which incoming request ids are kept as the correlation id (<see cref="RequestCorrelationMiddleware.From"/>).</summary>
public sealed class RequestIdTests
{
    [Theory]
    [InlineData("nginx-7f3a9c2e-0001")]
    [InlineData("3fa85f64-5717-4562-b3fc-2c963f66afa6")]
    [InlineData("node-a:42.7_x")]
    public void A_short_plain_id_is_kept(string id) => Assert.Equal(id, RequestCorrelationMiddleware.From(id, null));

    [Theory]
    [InlineData("a\u0001b")]
    [InlineData("abc\r\nSet-Cookie: x=1")]
    [InlineData("abc def")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("mã-yêu-cầu")]
    [InlineData("")]
    public void An_id_with_other_characters_is_refused(string id) => Assert.Null(RequestCorrelationMiddleware.From(id, null));

    [Fact]
    public void An_id_longer_than_the_limit_is_refused()
    {
        Assert.NotNull(RequestCorrelationMiddleware.From(new string('a', RequestCorrelationMiddleware.MaxLength), null));
        Assert.Null(RequestCorrelationMiddleware.From(new string('a', RequestCorrelationMiddleware.MaxLength + 1), null));
        Assert.Null(RequestCorrelationMiddleware.From(new string('A', 10_000), null));
    }

    [Fact]
    public void A_valid_traceparent_gives_its_trace_id_and_an_invalid_one_nothing()
    {
        const string Valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", RequestCorrelationMiddleware.From(null, Valid));
        // The request id wins when both are sent; a forged request id falls back to the trace id.
        Assert.Equal("proxy-1", RequestCorrelationMiddleware.From("proxy-1", Valid));
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", RequestCorrelationMiddleware.From("x\u0007", Valid));

        Assert.Null(RequestCorrelationMiddleware.From(null, "00-00000000000000000000000000000000-00f067aa0ba902b7-01")); // all-zero trace id
        Assert.Null(RequestCorrelationMiddleware.From(null, "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")); // upper case
        Assert.Null(RequestCorrelationMiddleware.From(null, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0")); // short
        Assert.Null(RequestCorrelationMiddleware.From(null, "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01")); // not hex
        Assert.Null(RequestCorrelationMiddleware.From(null, Valid + new string('0', 10_000)));
    }
}
