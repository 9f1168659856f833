using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CucThongKe.Contents.Api;

/// <summary>A user's token for the JSON API; only its SHA-256 hash is stored, the token itself is shown once.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>Hex SHA-256 of the token: a stolen database does not give working tokens.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    /// <summary>When a request last signed in with the token (to the minute: <see cref="ApiTokens.LastUsedPrecision"/>).</summary>
    public DateTime? LastUsedUtc { get; set; }

    /// <summary>A new random token (shown to the user once) and its hash (stored).</summary>
    public static (string Token, string Hash) Generate()
    {
        var token = "ctk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("ApiTokens");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(200).IsRequired();
        builder.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(x => x.TokenHash).IsUnique();
        builder.HasIndex(x => x.UserId);
    }
}
