using Lapak.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lapak.Web.Features.Helpdesk.Teams;

public sealed record RoundRobinChange(bool Enabled);

/// <summary><c>/api/v1/helpdesk/teams</c>: what <c>/helpdesk/team/settings</c> does, for the teams the caller supervises (admins: all).</summary>
public static class TeamSettingsEndpoints
{
    public static void MapTeamSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/helpdesk/teams").WithTags("Helpdesk").RequireAuthorization(Policies.Staff);
        g.MapGet("", List).WithName("ListHelpdeskTeamSettings")
            .WithSummary("The teams I supervise (admins: all) with their active members and whether round-robin is on");
        g.MapPut("/{id:guid}/round-robin", SetRoundRobinEndpoint).WithName("SetTeamRoundRobin")
            .WithSummary("Turn round-robin on or off: when on, each new ticket goes at once to the next active member (404 for a team I do not supervise)");
    }

    public static async Task<Ok<IReadOnlyList<SetRoundRobin.TeamRow>>> List(HttpContext http, SetRoundRobin.Handler handler) =>
        TypedResults.Ok(await handler.ListAsync(http.User));

    public static async Task<Results<NoContent, NotFound>> SetRoundRobinEndpoint(Guid id, RoundRobinChange change, HttpContext http,
        SetRoundRobin.Handler handler) =>
        await handler.HandleAsync(http.User, id, change.Enabled) ? TypedResults.NoContent() : TypedResults.NotFound();
}
