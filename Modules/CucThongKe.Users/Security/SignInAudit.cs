using CucThongKe.Core.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Users.Security;

/// <summary>One sign-in attempt: who, when, from where, and how it ended (Điều 7.4, 11.5).</summary>
public sealed class SignInAuditEntry
{
    public long Id { get; set; }

    public required string UserName { get; set; }

    public DateTime TimeUtc { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>"Password", "TwoFactor", "RecoveryCode", "LockedOut", "WrongPassword", "WrongCode"...</summary>
    public required string Outcome { get; set; }

    public string? IpAddress { get; set; }

    public string? UserAgent { get; set; }
}

internal sealed class SignInAuditEntryConfiguration : IEntityTypeConfiguration<SignInAuditEntry>
{
    public void Configure(EntityTypeBuilder<SignInAuditEntry> builder)
    {
        builder.ToTable("SignInAudit");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.UserName).HasMaxLength(256);
        builder.Property(x => x.Outcome).HasMaxLength(40);
        builder.Property(x => x.IpAddress).HasMaxLength(64);
        builder.Property(x => x.UserAgent).HasMaxLength(300);
        builder.HasIndex(x => x.TimeUtc);
        builder.HasIndex(x => new { x.UserName, x.TimeUtc });
    }
}

/// <summary>Writes sign-in attempts to the audit table.</summary>
public sealed class SignInAuditor(CmsDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task RecordAsync(string userName, bool succeeded, string outcome)
    {
        var context = http.HttpContext;
        var agent = context?.Request.Headers.UserAgent.ToString();
        db.Add(new SignInAuditEntry
        {
            UserName = userName.Length > 256 ? userName[..256] : userName,
            TimeUtc = clock.GetUtcNow().UtcDateTime,
            Succeeded = succeeded,
            Outcome = outcome,
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = agent?.Length > 300 ? agent[..300] : agent,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The latest <paramref name="count"/> attempts, newest first.</summary>
    public async Task<IReadOnlyList<SignInAuditEntry>> LatestAsync(int count, CancellationToken cancellationToken = default) =>
        await db.Set<SignInAuditEntry>().AsNoTracking().OrderByDescending(e => e.Id).Take(count).ToListAsync(cancellationToken);

    /// <summary>The latest <paramref name="count"/> attempts on one account, newest first (the account page's sign-ins).</summary>
    public async Task<IReadOnlyList<SignInAuditEntry>> LatestOfAsync(string userName, int count, CancellationToken cancellationToken = default) =>
        await db.Set<SignInAuditEntry>().AsNoTracking().Where(e => e.UserName == userName).OrderByDescending(e => e.Id).Take(count).ToListAsync(cancellationToken);
}
