using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary><c>PATCH /api/v1/tickets/{code}</c>: staff change details, priority, type, assignment and status in one go.</summary>
public static class TicketUpdateEndpoints
{
    public static void MapTicketUpdateEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/tickets").WithTags("Helpdesk").RequireAuthorization()
            .MapPatch("/{code}", Update).WithName("UpdateTicket")
            .WithSummary("Change a ticket (staff working it): status, priority, assigneeId or unassign, teamId (supervisors, admins), requestTypeId, " +
                         "subject, description; reassigning or moving teams needs a reason. All or nothing.");
    }

    public static async Task<Results<Ok<TicketDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Update(string code,
        UpdateTicket.Command command, HttpContext http, TicketAccess access, UpdateTicket.Handler handler, TicketQueries queries, LapakText text)
    {
        var ticket = await access.FindAsync(http.User, code);
        if (ticket is null) return TypedResults.NotFound();
        var problems = await handler.HandleAsync(http.User, ticket, command);
        if (problems.Forbidden is { } forbidden) return TypedResults.Problem(forbidden, statusCode: StatusCodes.Status403Forbidden);
        if (problems.Errors.Count > 0)
            return TypedResults.ValidationProblem(problems.Errors.ToDictionary(
                e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value));
        if (problems.Conflict is { } conflict) return TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict);
        return TypedResults.Ok(await queries.DetailsAsync(http.User, ticket));
    }
}
