using Lapak.Web.Infrastructure.Api;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Lapak.Web.Features.Accounts;

public sealed record MeView(
    Guid Id, string Email, bool EmailConfirmed, string FullName, string? PhoneNumber, string PreferredLanguage,
    string[] Roles, Guid? OrganizationId, string? AvatarUrl, NotificationPreferences Notifications, DateTime CreatedAt);

public sealed record NotificationPreferences(bool InApp, bool Email, bool WhatsApp);

/// <summary><c>/api/v1/me</c>: the caller's own account.</summary>
public static class MeEndpoints
{
    public static void MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Me").RequireAuthorization();
        me.MapGet("", GetMe).WithName("GetMe").WithSummary("The signed-in user's account");
        me.MapPatch("", UpdateMe).WithName("UpdateMe").WithSummary("Change name, phone, language or notification channels");
        me.MapPost("/password", ChangeMyPassword).WithName("ChangeMyPassword")
            .WithSummary("Change my password (current, new, repeated); other sessions and refresh tokens stop working");
    }

    public static async Task<Results<Ok<MeView>, UnauthorizedHttpResult>> GetMe(HttpContext http, UserManager<LapakUser> users)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null) return TypedResults.Unauthorized();
        return TypedResults.Ok(await ViewOf(user, users));
    }

    public static async Task<Results<Ok<MeView>, ValidationProblem, UnauthorizedHttpResult>> UpdateMe(
        UpdateProfile.Command command, HttpContext http, UserManager<LapakUser> users, UpdateProfile.Handler handler, LapakText text)
    {
        var errors = ApiValidation.Errors(command, text);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var user = await users.GetUserAsync(http.User);
        if (user is null) return TypedResults.Unauthorized();
        var result = await handler.HandleAsync(user, command);
        if (!result.Succeeded)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = result.Errors.Select(e => e.Description).ToArray() });
        return TypedResults.Ok(await ViewOf(user, users));
    }

    public static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> ChangeMyPassword(
        ChangePassword.Command command, HttpContext http, UserManager<LapakUser> users, ChangePassword.Handler handler, LapakText text)
    {
        var errors = ApiValidation.Errors(command, text);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var user = await users.GetUserAsync(http.User);
        if (user is null) return TypedResults.Unauthorized();
        var problems = await handler.HandleAsync(user, command);
        return problems.Count == 0 ? TypedResults.NoContent()
            : TypedResults.ValidationProblem(problems.ToDictionary(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Key), p => p.Value.ToArray()));
    }

    internal static async Task<MeView> ViewOf(LapakUser u, UserManager<LapakUser> users) => new(
        u.Id, u.Email!, u.EmailConfirmed, u.FullName, u.PhoneNumber, u.PreferredLanguage,
        (await users.GetRolesAsync(u)).Order().ToArray(), u.OrganizationId,
        u.AvatarPath is null ? null : $"/media/{u.AvatarPath}",
        new NotificationPreferences(u.NotifyInApp, u.NotifyEmail, u.NotifyWhatsApp), u.CreatedAt);
}
