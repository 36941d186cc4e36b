using Lapak.Web.Infrastructure.Api;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary><c>/api/v1/admin/users</c>: what the admin users pages do, for integrations. Admins only.</summary>
public static class AdminUserEndpoints
{
    public static void MapAdminUserEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/admin/users").WithTags("Admin: users").RequireAuthorization(Policies.Admin);
        g.MapGet("", List).WithName("AdminListUsers")
            .WithSummary("Users, sorted by name; search name, e-mail or phone with q, filter by role and status (active, inactive, unconfirmed)");
        g.MapGet("/{id:guid}", Get).WithName("AdminGetUser").WithSummary("One user with roles and organization");
        g.MapPost("", Create).WithName("AdminCreateUser")
            .WithSummary("Create an account without a password and e-mail the person an invitation to set one");
        g.MapPut("/{id:guid}/roles/{role}", GrantRole).WithName("AdminGrantRole").WithSummary("Give the user a role (kept if already held)");
        g.MapDelete("/{id:guid}/roles/{role}", RevokeRole).WithName("AdminRevokeRole")
            .WithSummary("Take a role away; refused for your own Admin role and for the last active admin");
        g.MapPost("/{id:guid}/deactivate", Deactivate).WithName("AdminDeactivateUser")
            .WithSummary("Block sign-in and end the user's sessions and tokens; refused for yourself and the last active admin");
        g.MapPost("/{id:guid}/activate", Activate).WithName("AdminActivateUser").WithSummary("Allow a deactivated user to sign in again");
        g.MapPut("/{id:guid}/organization", SetOrganization).WithName("AdminSetUserOrganization")
            .WithSummary("Put the user in an organization (null: none) and make them its manager or not (null: unchanged); managers see the organization's tickets");
        g.MapPost("/{id:guid}/invitation", Reinvite).WithName("AdminResendInvitation")
            .WithSummary("Send the invitation e-mail again to a user who has not set a password yet");
    }

    public static async Task<Results<Ok<AdminUserPage>, ValidationProblem>> List(AdminUserQueries queries, LapakText text,
        string? q = null, string? role = null, UserStatus status = UserStatus.Any, int page = 1, int pageSize = AdminUserQueries.DefaultPageSize)
    {
        if (!string.IsNullOrWhiteSpace(role) && !Roles.All.Contains(role.Trim(), StringComparer.OrdinalIgnoreCase))
            return TypedResults.ValidationProblem(ApiValidation.Single("role", string.Format(text.Get("There is no role called {0}."), role)));
        return TypedResults.Ok(await queries.PageAsync(q, role, status, page, pageSize));
    }

    public static async Task<Results<Ok<AdminUserView>, NotFound>> Get(Guid id, AdminUserQueries queries) =>
        await queries.FindAsync(id) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();

    public static async Task<Results<Created<AdminUserView>, ValidationProblem>> Create(
        CreateUserByAdmin.Command command, HttpContext http, CreateUserByAdmin.Handler handler, AdminUserQueries queries, LapakText text)
    {
        var errors = ApiValidation.Errors(command, text);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var outcome = await handler.HandleAsync(command, http.User);
        if (!outcome.Succeeded) return TypedResults.ValidationProblem(outcome.ForApi());
        var user = await queries.FindAsync(outcome.Id!.Value);
        return TypedResults.Created($"/api/v1/admin/users/{user!.Id}", user);
    }

    public static async Task<Results<Ok<AdminUserView>, ValidationProblem, NotFound, ProblemHttpResult>> GrantRole(
        Guid id, string role, HttpContext http, ChangeUserRoles.Handler handler, AdminUserQueries queries, LapakText text) =>
        await Answer(await handler.GrantAsync(http.User, id, role), id, queries, text);

    public static async Task<Results<Ok<AdminUserView>, ValidationProblem, NotFound, ProblemHttpResult>> RevokeRole(
        Guid id, string role, HttpContext http, ChangeUserRoles.Handler handler, AdminUserQueries queries, LapakText text) =>
        await Answer(await handler.RevokeAsync(http.User, id, role), id, queries, text);

    public static async Task<Results<Ok<AdminUserView>, ValidationProblem, NotFound, ProblemHttpResult>> Deactivate(
        Guid id, HttpContext http, SetUserActive.Handler handler, AdminUserQueries queries, LapakText text) =>
        await Answer(await handler.HandleAsync(http.User, id, active: false), id, queries, text);

    public static async Task<Results<Ok<AdminUserView>, ValidationProblem, NotFound, ProblemHttpResult>> Activate(
        Guid id, HttpContext http, SetUserActive.Handler handler, AdminUserQueries queries, LapakText text) =>
        await Answer(await handler.HandleAsync(http.User, id, active: true), id, queries, text);

    public static async Task<Results<Ok<AdminUserView>, ValidationProblem, NotFound, ProblemHttpResult>> Reinvite(
        Guid id, HttpContext http, ResendInvitation.Handler handler, AdminUserQueries queries, LapakText text) =>
        await Answer(await handler.HandleAsync(http.User, id), id, queries, text);

    public sealed record OrganizationChange(Guid? OrganizationId, bool? Manager = null);

    public static async Task<Results<Ok<AdminUserView>, ValidationProblem, NotFound, ProblemHttpResult>> SetOrganization(
        Guid id, OrganizationChange change, SetUserOrganization.Handler handler, AdminUserQueries queries, LapakText text) =>
        await Answer(await handler.HandleAsync(id, change.OrganizationId, change.Manager), id, queries, text);

    /// <summary>Done → the user as it is now; a refused rule → 409 with the reason; bad input → field errors.</summary>
    private static async Task<Results<Ok<AdminUserView>, ValidationProblem, NotFound, ProblemHttpResult>> Answer(
        Outcome outcome, Guid id, AdminUserQueries queries, LapakText text) => outcome.Kind switch
    {
        OutcomeKind.Done => await queries.FindAsync(id) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound(),
        OutcomeKind.NotFound => TypedResults.NotFound(),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.ForApi()),
        _ => TypedResults.Problem(outcome.Message, title: text.Get("This change is not allowed."), statusCode: StatusCodes.Status409Conflict),
    };
}
