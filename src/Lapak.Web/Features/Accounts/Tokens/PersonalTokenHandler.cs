using System.Text.Encodings.Web;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Accounts;

/// <summary>Authenticates <c>Authorization: Bearer lpk_…</c> personal tokens (and <c>?access_token=</c> on the hub).</summary>
public sealed class PersonalTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    LapakDbContext db, SignInManager<LapakUser> signIn, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = AuthSchemes.BearerValue(Request);
        if (secret is null || !secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal)) return AuthenticateResult.NoResult();

        var hash = ApiToken.HashOf(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.Set<ApiToken>().SingleOrDefaultAsync(t => t.Hash == hash);
        if (token is null || !token.IsUsable(now)) return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == token.UserId);
        if (user is null || !user.IsActive) return AuthenticateResult.Fail("The token's account is not active.");

        // Written at most once a minute so a busy integration does not turn every read into a write.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
            await db.Set<ApiToken>().Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now));

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
