using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Lapak.Web.Features.Accounts;

/// <summary>
/// Identity's bearer tokens carry their claims for their whole hour. Cookies are re-checked against the
/// account every minute and personal tokens on every request; this gives bearer tokens the same check on
/// every request, so a deactivated account (whose security stamp changed) loses access at once and
/// granted or revoked roles apply to the very next call.
/// </summary>
public sealed class BearerAccountCheck(IHttpContextAccessor http, SignInManager<LapakUser> signIn) : IClaimsTransformation
{
    private static readonly object Checked = new();

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        var ctx = http.HttpContext;
        if (ctx is null || principal.Identity?.IsAuthenticated != true) return principal;
        var bearer = AuthSchemes.BearerValue(ctx.Request);
        if (bearer is null || bearer.StartsWith(ApiToken.Prefix, StringComparison.Ordinal)) return principal;
        // Authentication runs through the selector scheme and then the bearer scheme: check once per request.
        if (ctx.Items.TryGetValue(Checked, out var done) && done is ClaimsPrincipal result) return result;

        var user = await signIn.ValidateSecurityStampAsync(principal);
        result = user is { IsActive: true } ? await signIn.CreateUserPrincipalAsync(user) : new ClaimsPrincipal(new ClaimsIdentity());
        ctx.Items[Checked] = result;
        return result;
    }
}
