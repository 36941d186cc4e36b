using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Accounts;

/// <summary>
/// A personal API token. Only a SHA-256 hash is stored; the secret is shown once, when created.
/// Tokens look like <c>lpk_XXXXXXXX…</c> so they are recognisable in logs and secret scanners.
/// </summary>
public sealed class ApiToken : IOwnedResource
{
    public const string Prefix = "lpk_";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The first characters of the secret, to tell tokens apart in lists.</summary>
    public string Hint { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    Guid IOwnedResource.OwnerId => UserId;

    public bool IsUsable(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public static (ApiToken Token, string Secret) Create(Guid userId, string name, DateTime now, DateTime? expiresAt)
    {
        var secret = Prefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        return (new ApiToken
        {
            UserId = userId, Name = name, CreatedAt = now, ExpiresAt = expiresAt,
            Hint = secret[..(Prefix.Length + 6)], Hash = HashOf(secret),
        }, secret);
    }

    public static string HashOf(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ToLowerInvariant();
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("accounts_api_tokens");
        b.Property(x => x.Name).HasMaxLength(80).IsRequired();
        b.Property(x => x.Hint).HasMaxLength(20).IsRequired();
        b.Property(x => x.Hash).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.Hash).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
