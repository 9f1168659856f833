using System.Security.Cryptography;
using System.Text;
using CucThongKe.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.CitizenServices.Forms;

/// <summary>A <see cref="FormToken"/> already sent with a question or feedback (table <c>UsedFormTokens</c>): its hash and
/// when, kept only while the token could still pass <see cref="FormToken.Check"/>.</summary>
public sealed class UsedFormToken
{
    /// <summary>SHA-256 of the token, hex: the token itself is never kept.</summary>
    public required string Hash { get; set; }

    public DateTime UsedUtc { get; set; }
}

internal sealed class UsedFormTokenConfiguration : IEntityTypeConfiguration<UsedFormToken>
{
    public void Configure(EntityTypeBuilder<UsedFormToken> builder)
    {
        builder.ToTable("UsedFormTokens");
        builder.HasKey(t => t.Hash);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.HasIndex(t => t.UsedUtc);
    }
}

/// <summary>The form was already sent with this token (a reload, a double click, a robot replaying it): 400, nothing stored.</summary>
public sealed class FormTokenUsedException() : Exception("Biểu mẫu này đã được gửi. Xin vui lòng tải lại trang nếu muốn gửi thêm.");

/// <summary>Makes each anti-spam token of the question and feedback forms good for one post (comments and votes keep the hash
/// on their own rows). Bounded: a row outlives its token by nothing, since a token older than
/// <see cref="FormToken.MaximumFillTime"/> is refused anyway; each spend deletes the rows past it.</summary>
public sealed class UsedFormTokens(CmsDbContext db, TimeProvider time)
{
    /// <summary>Records <paramref name="token"/> as used, in the caller's transaction (roll it back and the form can be sent
    /// again). Two posts of one token at once: the key lets one in.</summary>
    /// <exception cref="FormTokenUsedException">The token was used before.</exception>
    public async Task SpendAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        if (await db.Set<UsedFormToken>().AnyAsync(t => t.Hash == hash, cancellationToken))
        {
            throw new FormTokenUsedException();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var expired = now - FormToken.MaximumFillTime - FormToken.MinimumFillTime;
        await db.Set<UsedFormToken>().Where(t => t.UsedUtc < expired).ExecuteDeleteAsync(cancellationToken);
        db.Add(new UsedFormToken { Hash = hash, UsedUtc = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new FormTokenUsedException();
        }
    }
}
