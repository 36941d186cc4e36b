using Lapak.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Lapak.Web.Features.Accounts;

/// <summary><c>/api/v1/me/avatar</c>: upload or remove the caller's avatar.</summary>
public static class AvatarEndpoints
{
    public static void MapAvatarEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/me/avatar").WithTags("Me").RequireAuthorization();
        // PUT cannot be sent cross-site without a CORS preflight, so a multipart upload needs no antiforgery token here.
        g.MapPut("", Upload).DisableAntiforgery().WithName("UploadMyAvatar")
            .WithSummary("Upload my avatar (multipart field \"file\": JPEG, PNG, GIF or WebP up to 5 MB; stored square, 256 px, WebP)");
        g.MapDelete("", Remove).WithName("RemoveMyAvatar").WithSummary("Remove my avatar");
    }

    public static async Task<Results<Ok<MeView>, ValidationProblem, UnauthorizedHttpResult>> Upload(
        IFormFile? file, HttpContext http, UserManager<LapakUser> users, ChangeAvatar.Handler handler, CancellationToken ct)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null) return TypedResults.Unauthorized();
        var result = await handler.UploadAsync(user, file, ct);
        if (!result.Succeeded) return TypedResults.ValidationProblem(ApiValidation.Single("file", result.Error!));
        return TypedResults.Ok(await MeEndpoints.ViewOf(user, users));
    }

    public static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> Remove(
        HttpContext http, UserManager<LapakUser> users, ChangeAvatar.Handler handler)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null) return TypedResults.Unauthorized();
        var result = await handler.RemoveAsync(user);
        if (!result.Succeeded) return TypedResults.ValidationProblem(ApiValidation.Single("", result.Error!));
        return TypedResults.NoContent();
    }
}
