using Lapak.Web.Infrastructure.Api;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lapak.Web.Features.Accounts;

/// <summary><c>/api/v1/me/tokens</c>: the caller's own personal API tokens.</summary>
public static class TokenEndpoints
{
    public static void MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/me/tokens").WithTags("Me").RequireAuthorization();
        g.MapGet("", List).WithName("ListMyTokens").WithSummary("My personal API tokens (never their secrets)");
        g.MapGet("/{id:guid}", Get).WithName("GetMyToken").WithSummary("One of my personal API tokens");
        g.MapPost("", Create).WithName("CreateMyToken")
            .WithSummary("Create a personal API token; the secret is in this response only, store it now. Not allowed when signed in with a personal token");
        g.MapDelete("/{id:guid}", Revoke).WithName("RevokeMyToken").WithSummary("Revoke one of my personal API tokens");
    }

    public static async Task<Ok<IReadOnlyList<TokenView>>> List(HttpContext http, ManageTokens.Handler handler) =>
        TypedResults.Ok(await handler.ListAsync(http.User.RequiredUserId()));

    public static async Task<Results<Ok<TokenView>, NotFound>> Get(Guid id, HttpContext http, ManageTokens.Handler handler) =>
        await handler.FindAsync(http.User.RequiredUserId(), id) is { } token ? TypedResults.Ok(token) : TypedResults.NotFound();

    public static async Task<Results<Created<CreatedToken>, ValidationProblem, ProblemHttpResult>> Create(
        ManageTokens.CreateCommand command, HttpContext http, ManageTokens.Handler handler, LapakText text)
    {
        // Otherwise a leaked token could mint a never-expiring successor and outlive its own revocation.
        if (AuthSchemes.BearerValue(http.Request)?.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) == true)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: text.Get("A personal token cannot create other tokens. Sign in with your password to create one."));
        var errors = ApiValidation.Errors(command, text);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var (created, _) = await handler.CreateAsync(http.User.RequiredUserId(), command);
        if (created is null)
            return TypedResults.ValidationProblem(ApiValidation.Single("", TooMany(text)));
        return TypedResults.Created($"/api/v1/me/tokens/{created.Token.Id}", created);
    }

    public static async Task<Results<NoContent, NotFound>> Revoke(Guid id, HttpContext http, ManageTokens.Handler handler) =>
        await handler.RevokeAsync(http.User.RequiredUserId(), id) is not null ? TypedResults.NoContent() : TypedResults.NotFound();

    internal static string TooMany(LapakText text) => string.Format(
        text.Get("You already have {0} working tokens. Revoke one you no longer use first."), ManageTokens.MaxActivePerUser);
}
