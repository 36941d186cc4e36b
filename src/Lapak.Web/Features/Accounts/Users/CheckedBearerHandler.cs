using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Accounts;

/// <summary>
/// Identity's bearer tokens carry their claims for their whole hour. Cookies are re-checked against the
/// account every minute and personal tokens on every request; this gives bearer tokens the same check on
/// every request, so a deactivated account (whose security stamp changed) gets 401 at once and granted or
/// revoked roles apply to the very next call. Challenge and forbid stay with the bearer scheme.
/// </summary>
public sealed class CheckedBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SignInManager<LapakUser> signIn)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "CheckedBearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!token.Succeeded) return token;
        var user = await signIn.ValidateSecurityStampAsync(token.Principal);
        if (user is not { IsActive: true }) return AuthenticateResult.Fail("The token's account is deactivated or its security stamp changed.");
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, token.Properties, Scheme.Name));
    }
}
