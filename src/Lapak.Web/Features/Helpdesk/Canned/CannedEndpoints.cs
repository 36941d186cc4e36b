using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Api;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lapak.Web.Features.Helpdesk.Canned;

/// <summary>
/// <c>/api/v1/helpdesk/canned-responses</c> (staff read, supervisors and admins change) and
/// <c>/api/v1/tickets/{code}/canned-responses</c>, what the reply box inserts, placeholders filled.
/// </summary>
public static class CannedEndpoints
{
    public static void MapCannedEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/helpdesk/canned-responses").WithTags("Helpdesk").RequireAuthorization(Policies.Staff);
        g.MapGet("", List).WithName("ListCannedResponses").WithSummary("Every canned response, active first (staff); teamId narrows to one team's");
        g.MapGet("/{id:guid}", Get).WithName("GetCannedResponse").WithSummary("One canned response (staff)");
        g.MapPost("", Create).WithName("CreateCannedResponse").WithSummary("Create a canned response; without teamId it is offered on every team's tickets (supervisors, admins)");
        g.MapPut("/{id:guid}", Update).WithName("UpdateCannedResponse").WithSummary("Change a canned response, or switch it off with isActive=false (supervisors, admins)");
        g.MapDelete("/{id:guid}", Delete).WithName("DeleteCannedResponse").WithSummary("Delete a canned response (supervisors, admins)");

        app.MapGroup("/api/v1/tickets").WithTags("Helpdesk").RequireAuthorization(Policies.Staff)
            .MapGet("/{code}/canned-responses", ForTicket).WithName("GetCannedResponsesForTicket")
            .WithSummary("The active canned responses for this ticket's team and all teams, with {customer_name}, {ticket_code}, {ticket_subject} and {agent_name} filled in");
    }

    public static async Task<Ok<IReadOnlyList<CannedResponseView>>> List(CannedResponses canned, Guid? teamId = null) =>
        TypedResults.Ok(await canned.ListAsync(teamId));

    public static async Task<Results<Ok<CannedResponseView>, NotFound>> Get(Guid id, CannedResponses canned) =>
        await canned.FindAsync(id) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();

    public static async Task<Results<Created<CannedResponseView>, ValidationProblem, ProblemHttpResult>> Create(SaveCannedResponse.Command command,
        HttpContext http, SaveCannedResponse.Handler handler, CannedResponses canned, LapakText text)
    {
        if (!CannedResponses.MayManage(http.User)) return Forbidden(text);
        var errors = ApiValidation.Errors(command, text);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var result = await handler.HandleAsync(http.User, null, command);
        if (result.Problem == SaveCannedResponse.Problem.Invalid) return TypedResults.ValidationProblem(Camel(result.Errors));
        if (result.Saved is null) return Forbidden(text);
        var view = (await canned.FindAsync(result.Saved.Id))!;
        return TypedResults.Created($"/api/v1/helpdesk/canned-responses/{view.Id}", view);
    }

    public static async Task<Results<Ok<CannedResponseView>, ValidationProblem, ProblemHttpResult, NotFound>> Update(Guid id, SaveCannedResponse.Command command,
        HttpContext http, SaveCannedResponse.Handler handler, CannedResponses canned, LapakText text) =>
        await Save(id, command, http, handler, canned, text);

    private static async Task<Results<Ok<CannedResponseView>, ValidationProblem, ProblemHttpResult, NotFound>> Save(Guid? id, SaveCannedResponse.Command command,
        HttpContext http, SaveCannedResponse.Handler handler, CannedResponses canned, LapakText text)
    {
        if (!CannedResponses.MayManage(http.User)) return Forbidden(text);
        var errors = ApiValidation.Errors(command, text);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var result = await handler.HandleAsync(http.User, id, command);
        return result.Problem switch
        {
            SaveCannedResponse.Problem.NotAllowed => Forbidden(text),
            SaveCannedResponse.Problem.NotFound => TypedResults.NotFound(),
            SaveCannedResponse.Problem.Invalid => TypedResults.ValidationProblem(Camel(result.Errors)),
            _ => TypedResults.Ok((await canned.FindAsync(result.Saved!.Id))!),
        };
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(Guid id, HttpContext http, DeleteCannedResponse.Handler handler, LapakText text) =>
        await handler.HandleAsync(http.User, id) switch
        {
            DeleteCannedResponse.Problem.NotAllowed => Forbidden(text),
            DeleteCannedResponse.Problem.NotFound => TypedResults.NotFound(),
            _ => TypedResults.NoContent(),
        };

    public static async Task<Results<Ok<IReadOnlyList<FilledCannedResponse>>, NotFound>> ForTicket(string code, HttpContext http, TicketAccess access, CannedResponses canned)
    {
        var ticket = await access.FindAsync(http.User, code);
        // Only staff working the ticket answer it; a ticket of their own as a customer is not theirs to answer.
        if (ticket is null || !TicketAccess.Works(http.User, ticket)) return TypedResults.NotFound();
        return TypedResults.Ok(await canned.ForTicketAsync(ticket, http.User));
    }

    private static Dictionary<string, string[]> Camel(Dictionary<string, string[]> errors) =>
        Lapak.Web.Infrastructure.Api.ApiValidation.ByJsonName(errors);

    private static ProblemHttpResult Forbidden(LapakText text) =>
        TypedResults.Problem(text.Get("Only supervisors and admins can change canned responses."), statusCode: StatusCodes.Status403Forbidden);
}
