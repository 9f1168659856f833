using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CucThongKe.Office.Incidents;
using Microsoft.Extensions.Options;

namespace CucThongKe.Tests.Office;

/// <summary>The incident log's certificate check (Điều 11.6): silent while the certificate has time, an incident N days before
/// it expires and a critical one after; read from the configured file once a day, on a fake clock.</summary>
public sealed class CertificateExpiryTests
{
    private static readonly DateTime Expires = new(2027, 3, 31, 16, 59, 59, DateTimeKind.Utc);

    private sealed class Clock(DateTime utc) : TimeProvider
    {
        public DateTime Now { get; set; } = utc;

        public override DateTimeOffset GetUtcNow() => new(Now);
    }

    private static X509Certificate2 SelfSigned(DateTime notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=thongke.thainguyen.gov.vn", key, HashAlgorithmName.SHA256);
        return request.CreateSelfSigned(new DateTimeOffset(notAfter.AddYears(-1)), new DateTimeOffset(notAfter));
    }

    [Fact]
    public void Nothing_while_more_than_the_warning_days_remain_then_an_incident_graver_as_the_date_nears()
    {
        using var certificate = SelfSigned(Expires);

        Assert.Null(CertificateExpiry.Evaluate(certificate, "site.pem", Expires.AddDays(-22), 21));

        var soon = CertificateExpiry.Evaluate(certificate, "site.pem", Expires.AddDays(-20), 21);
        Assert.NotNull(soon);
        Assert.Equal(IncidentSeverity.Medium, soon.Severity);
        Assert.Equal("Chứng chỉ bảo mật (TLS) sắp hết hạn", soon.Title);
        Assert.Contains("thongke.thainguyen.gov.vn", soon.Description, StringComparison.Ordinal);
        Assert.Contains("còn 20 ngày", soon.Description, StringComparison.Ordinal);
        Assert.Contains("31/03/2027", soon.Description, StringComparison.Ordinal);

        Assert.Equal(IncidentSeverity.High, CertificateExpiry.Evaluate(certificate, "site.pem", Expires.AddDays(-3), 21)!.Severity);

        var expired = CertificateExpiry.Evaluate(certificate, "site.pem", Expires.AddMinutes(1), 21);
        Assert.Equal(IncidentSeverity.Critical, expired!.Severity);
        Assert.Equal("Chứng chỉ bảo mật (TLS) đã hết hạn", expired.Title);
    }

    [Fact]
    public async Task The_configured_file_is_read_once_a_day_and_an_unreadable_one_is_a_finding_too()
    {
        var folder = Directory.CreateTempSubdirectory("cert-expiry-");
        try
        {
            var path = Path.Combine(folder.FullName, "site.pem");
            using (var certificate = SelfSigned(Expires))
            {
                await File.WriteAllTextAsync(path, certificate.ExportCertificatePem());
            }

            var clock = new Clock(Expires.AddDays(-10));
            var options = new IncidentOptions { Certificate = path, CertificateWarningDays = 14 };
            var check = new CertificateExpiry(Options.Create(options), clock);

            Assert.True(check.Due());
            var finding = await check.CheckAsync(CancellationToken.None);
            Assert.Contains("còn 10 ngày", finding!.Description, StringComparison.Ordinal);

            // The next round of the monitor (a minute later) does not read it again; a day later it does.
            clock.Now = clock.Now.AddMinutes(1);
            Assert.False(check.Due());
            clock.Now = clock.Now.AddDays(1);
            Assert.True(check.Due());

            // A file that is not a certificate is reported, not thrown.
            await File.WriteAllTextAsync(path, "không phải chứng chỉ");
            var unreadable = await check.CheckAsync(CancellationToken.None);
            Assert.Equal("Không đọc được chứng chỉ bảo mật (TLS)", unreadable!.Title);

            // Not configured: never due.
            Assert.False(new CertificateExpiry(Options.Create(new IncidentOptions()), clock).Due());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
