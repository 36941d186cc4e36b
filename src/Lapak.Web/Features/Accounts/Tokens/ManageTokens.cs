using System.ComponentModel.DataAnnotations;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Accounts;

public enum TokenStatus { Active, Expired, Revoked }

/// <summary>A personal token as its owner sees it: never the secret, only its first characters.</summary>
public sealed record TokenView(Guid Id, string Name, string Hint, DateTime CreatedAt, DateTime? LastUsedAt,
    DateTime? ExpiresAt, DateTime? RevokedAt, TokenStatus Status);

/// <summary>The answer to a creation: the only time the secret leaves the server.</summary>
public sealed record CreatedToken(TokenView Token, string Secret);

/// <summary>
/// List, create and revoke one's own personal API tokens (<c>/profile/tokens</c> and <c>/api/v1/me/tokens</c>).
/// Everything is scoped to the owner: another user's token id is treated as unknown.
/// </summary>
public static class ManageTokens
{
    /// <summary>Enough for every integration a person runs; stops a leaked session from minting tokens without end.</summary>
    public const int MaxActivePerUser = 20;
    public static readonly int[] ExpiryChoices = [30, 90, 365];

    public sealed class CreateCommand
    {
        [Required(ErrorMessage = "Give the token a name, for example the app that will use it.")]
        [StringLength(80, ErrorMessage = "The name can be at most 80 characters long.")]
        public string Name { get; set; } = "";

        /// <summary>Days until the token stops working; null for a token that never expires.</summary>
        [Range(1, 365, ErrorMessage = "Choose an expiry between 1 and 365 days, or none.")]
        public int? ExpiresInDays { get; set; }
    }

    public enum Problem { None, TooMany }

    public sealed class Handler(LapakDbContext db, ActivityLog activity, TimeProvider clock)
    {
        public async Task<IReadOnlyList<TokenView>> ListAsync(Guid userId)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var rows = await db.Set<ApiToken>().AsNoTracking().Where(t => t.UserId == userId)
                .OrderByDescending(t => t.CreatedAt).ToListAsync();
            // Usable tokens first; whether a token still works depends on the clock, so this part is sorted after loading.
            return rows.OrderBy(t => t.IsUsable(now) ? 0 : 1).Select(t => ViewOf(t, now)).ToList();
        }

        public async Task<TokenView?> FindAsync(Guid userId, Guid tokenId)
        {
            var token = await db.Set<ApiToken>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId);
            return token is null ? null : ViewOf(token, clock.GetUtcNow().UtcDateTime);
        }

        /// <summary>Creates the token; the caller has validated the command's annotations.</summary>
        public async Task<(CreatedToken? Created, Problem Problem)> CreateAsync(Guid userId, CreateCommand c)
        {
            var name = c.Name.Trim();
            var now = clock.GetUtcNow().UtcDateTime;
            var active = await db.Set<ApiToken>().CountAsync(t => t.UserId == userId && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now));
            if (active >= MaxActivePerUser) return (null, Problem.TooMany);

            var (token, secret) = ApiToken.Create(userId, name, now, c.ExpiresInDays is { } days ? now.AddDays(days) : null);
            db.Add(token);
            activity.Record("account.token_created", "api_token", token.Id.ToString(), detail: token.Name);
            await db.SaveChangesAsync();
            return (new CreatedToken(ViewOf(token, now), secret), Problem.None);
        }

        /// <summary>Null when the token is not one of <paramref name="userId"/>'s; revoking twice is harmless.</summary>
        public async Task<TokenView?> RevokeAsync(Guid userId, Guid tokenId)
        {
            var token = await db.Set<ApiToken>().SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId);
            if (token is null) return null;
            var now = clock.GetUtcNow().UtcDateTime;
            if (token.RevokedAt is null)
            {
                token.RevokedAt = now;
                activity.Record("account.token_revoked", "api_token", token.Id.ToString(), detail: token.Name);
                await db.SaveChangesAsync();
            }
            return ViewOf(token, now);
        }
    }

    public static TokenView ViewOf(ApiToken t, DateTime now) => new(
        t.Id, t.Name, t.Hint, t.CreatedAt, t.LastUsedAt, t.ExpiresAt, t.RevokedAt,
        t.RevokedAt is not null ? TokenStatus.Revoked : t.IsUsable(now) ? TokenStatus.Active : TokenStatus.Expired);
}
