using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace Lapak.Web.Features.Accounts;

/// <summary>
/// One entry scheme picks the real one per request: a personal token (<c>lpk_…</c>), an Identity bearer
/// token, or the sign-in cookie. API and hub callers that are not signed in get 401/403, never a redirect.
/// </summary>
public static class AuthSchemes
{
    public const string Selector = "Lapak";

    public static AuthenticationBuilder AddLapakAuthentication(this IServiceCollection services)
    {
        var builder = services.AddAuthentication(o =>
        {
            // AddIdentity made the cookie the default for authenticate and challenge; the selector decides instead.
            o.DefaultScheme = Selector;
            o.DefaultAuthenticateScheme = Selector;
            o.DefaultChallengeScheme = Selector;
            o.DefaultForbidScheme = Selector;
        });
        builder.AddPolicyScheme(Selector, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
        {
            var bearer = BearerValue(ctx.Request);
            if (bearer is null) return IdentityConstants.ApplicationScheme;
            return bearer.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) ? PersonalTokenHandler.SchemeName : CheckedBearerHandler.SchemeName;
        });
        builder.AddBearerToken(IdentityConstants.BearerScheme, o =>
        {
            o.BearerTokenExpiration = TimeSpan.FromHours(1);
            o.RefreshTokenExpiration = TimeSpan.FromDays(14);
            o.Events.OnMessageReceived = ctx =>
            {
                ctx.Token = BearerValue(ctx.Request);
                return Task.CompletedTask;
            };
        });
        builder.AddScheme<AuthenticationSchemeOptions, PersonalTokenHandler>(PersonalTokenHandler.SchemeName, null);
        builder.AddScheme<AuthenticationSchemeOptions, CheckedBearerHandler>(CheckedBearerHandler.SchemeName, o =>
        {
            o.ForwardChallenge = IdentityConstants.BearerScheme;
            o.ForwardForbid = IdentityConstants.BearerScheme;
        });
        return builder;
    }

    /// <summary>The bearer token of the request; browsers' WebSockets cannot set headers, so the hub also reads the query.</summary>
    public static string? BearerValue(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        if (request.Path.StartsWithSegments("/hubs") && request.Query.TryGetValue("access_token", out var q) && !string.IsNullOrEmpty(q))
            return q.ToString();
        return null;
    }

    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs");
}
