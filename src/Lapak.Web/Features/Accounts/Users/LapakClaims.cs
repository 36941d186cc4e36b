using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Accounts;

public static class LapakClaims
{
    public const string FullName = "lapak:name";
    public const string Language = "lapak:lang";
    public const string Avatar = "lapak:avatar";

    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The signed-in user's id; only call where authorization already required sign-in.</summary>
    public static Guid RequiredUserId(this ClaimsPrincipal principal) =>
        principal.UserId() ?? throw new InvalidOperationException("No signed-in user.");

    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(FullName) ?? principal.Identity?.Name ?? "";
}

/// <summary>Puts the name, language and avatar in the cookie so the layout needs no query.</summary>
public sealed class LapakClaimsPrincipalFactory(UserManager<LapakUser> users, RoleManager<LapakRole> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<LapakUser, LapakRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LapakUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(LapakClaims.FullName, user.FullName));
        identity.AddClaim(new Claim(LapakClaims.Language, user.PreferredLanguage));
        if (user.AvatarPath is not null) identity.AddClaim(new Claim(LapakClaims.Avatar, user.AvatarPath));
        return identity;
    }
}
