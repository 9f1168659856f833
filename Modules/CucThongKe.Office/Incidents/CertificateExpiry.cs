using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CucThongKe.Core.Data;
using Microsoft.Extensions.Options;

namespace CucThongKe.Office.Incidents;

/// <summary>What the certificate check found: an incident to record (title, description, severity), or nothing.</summary>
public sealed record CertificateFinding(IncidentSeverity Severity, string Title, string Description);

/// <summary>
/// The site's certificate near expiry (Điều 11.6, "certificate near expiry when configured"): the certificate named by
/// <see cref="IncidentOptions.Certificate"/> (a file, or the <c>host:port</c> that serves it) is read once a day and an incident
/// raised <see cref="IncidentOptions.CertificateWarningDays"/> days before it expires (critical once it has).
/// </summary>
public sealed class CertificateExpiry(IOptions<IncidentOptions> options, TimeProvider clock)
{
    private long _lastCheckTicks;

    /// <summary>The rule: null while more than <paramref name="warningDays"/> days remain; else what to record.</summary>
    public static CertificateFinding? Evaluate(X509Certificate2 certificate, string source, DateTime nowUtc, int warningDays)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var expires = certificate.NotAfter.ToUniversalTime();
        var left = expires - nowUtc;
        if (left > TimeSpan.FromDays(Math.Max(1, warningDays)))
        {
            return null;
        }

        var subject = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (left <= TimeSpan.Zero)
        {
            return new CertificateFinding(IncidentSeverity.Critical, "Chứng chỉ bảo mật (TLS) đã hết hạn",
                $"Chứng chỉ của {subject} ({source}) đã hết hạn lúc {VietnamTime.Format(expires)}: trình duyệt báo trang không an toàn.");
        }

        var days = (int)Math.Ceiling(left.TotalDays);
        return new CertificateFinding(days <= 7 ? IncidentSeverity.High : IncidentSeverity.Medium, "Chứng chỉ bảo mật (TLS) sắp hết hạn",
            $"Chứng chỉ của {subject} ({source}) hết hạn lúc {VietnamTime.Format(expires)}, còn {days.ToString(CultureInfo.InvariantCulture)} ngày.");
    }

    /// <summary>Whether a check is due: a certificate is configured and the last check is a day old (the first round checks at once).</summary>
    public bool Due()
    {
        if (string.IsNullOrWhiteSpace(options.Value.Certificate))
        {
            return false;
        }

        var last = Interlocked.Read(ref _lastCheckTicks);
        return last == 0 || clock.GetUtcNow().UtcDateTime.Ticks - last >= TimeSpan.FromHours(24).Ticks;
    }

    /// <summary>Reads the configured certificate and applies the rule; a certificate that cannot be read is itself a finding.</summary>
    public async Task<CertificateFinding?> CheckAsync(CancellationToken cancellationToken)
    {
        var source = options.Value.Certificate!.Trim();
        Interlocked.Exchange(ref _lastCheckTicks, clock.GetUtcNow().UtcDateTime.Ticks);
        try
        {
            using var certificate = await ReadAsync(source, cancellationToken);
            return Evaluate(certificate, source, clock.GetUtcNow().UtcDateTime, options.Value.CertificateWarningDays);
        }
        catch (Exception ex) when (ex is IOException or SocketException or CryptographicException or AuthenticationException or TimeoutException or FormatException)
        {
            return new CertificateFinding(IncidentSeverity.Medium, "Không đọc được chứng chỉ bảo mật (TLS)",
                $"Không đọc được chứng chỉ {source} để kiểm tra hạn: {ex.Message}");
        }
    }

    /// <summary>A file (DER, PEM or PKCS#12 without password), or the certificate a <c>host:port</c> presents (not validated: only its dates matter).</summary>
    private static async Task<X509Certificate2> ReadAsync(string source, CancellationToken cancellationToken)
    {
        if (File.Exists(source))
        {
            var text = await File.ReadAllTextAsync(source, cancellationToken);
            return text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(text)
                : X509CertificateLoader.LoadCertificateFromFile(source);
        }

        var colon = source.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(source[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new FormatException("cần một tệp có thật hoặc dạng máy:cổng (thongke.thainguyen.gov.vn:443).");
        }

        var host = source[..colon];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        using var client = new TcpClient();
        await client.ConnectAsync(host, port, timeout.Token);
        X509Certificate2? presented = null;
        // Any certificate is accepted: nothing is sent over this connection, only the presented certificate's dates are read
        // (an expired one must be reported, not refused).
#pragma warning disable CA5359
        await using var ssl = new SslStream(client.GetStream(), false, (_, certificate, _, _) =>
        {
            presented = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return true;
        });
#pragma warning restore CA5359
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, timeout.Token);
        return presented ?? throw new AuthenticationException("máy chủ không gửi chứng chỉ.");
    }
}
