using System.ComponentModel.DataAnnotations;
using Lapak.Web.Infrastructure.Api;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Accounts;

/// <summary><c>/api/v1/auth</c>: exchange e-mail and password for a bearer token, and refresh it.</summary>
public static class AuthEndpoints
{
    public sealed class TokenRequest
    {
        [Required(ErrorMessage = "Enter your e-mail address."), EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Enter your password.")]
        public string Password { get; set; } = "";
    }

    public sealed class RefreshRequest
    {
        [Required] public string RefreshToken { get; set; } = "";
    }

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth").AllowAnonymous().RequireRateLimiting("auth");
        auth.MapPost("/token", IssueToken).WithName("IssueToken")
            .WithSummary("Sign in with e-mail and password; returns a bearer access token, its lifetime in seconds and a refresh token");
        auth.MapPost("/refresh", Refresh).WithName("RefreshToken").WithSummary("Trade a refresh token for a new access token");
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> IssueToken(
        TokenRequest request, SignInManager<LapakUser> signIn, ActivityLog activity, LapakText text)
    {
        var errors = ApiValidation.Errors(request, text);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var user = await signIn.UserManager.FindByEmailAsync(request.Email);
        if (user is { IsActive: false })
            return TypedResults.Problem(text.Get("This account has been deactivated."), statusCode: StatusCodes.Status403Forbidden);

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            activity.Record("account.token_issued", "user", user!.Id.ToString(), actorId: user.Id, actorName: user.FullName);
            await signIn.UserManager.UpdateAsync(user); // saves the activity entry
            return TypedResults.Empty; // the bearer handler has written the token response
        }
        var detail = result.IsLockedOut ? text.Get("Too many wrong passwords. Try again in 15 minutes.")
            : result.IsNotAllowed ? text.Get("Confirm your e-mail address before signing in.")
            : text.Get("The e-mail address or password is wrong.");
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized);
    }

    public static async Task<Results<SignInHttpResult, ChallengeHttpResult, ValidationProblem>> Refresh(
        RefreshRequest request, SignInManager<LapakUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, LapakText text)
    {
        var errors = ApiValidation.Errors(request, text);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires ||
            await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { IsActive: true } user)
            return TypedResults.Challenge();
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
