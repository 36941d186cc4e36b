using System.Text.Json;
using Lapak.Web.Features.Helpdesk.Supervisor;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lapak.Web.Features.Helpdesk.Escalations;

/// <summary>What an approval decision left: the ticket's new status and, when approved, the permit's code.</summary>
public sealed record ApprovalResult(string Code, TicketStatus Status, string? PermitCode);

/// <summary>
/// <c>POST /api/v1/tickets/{code}/escalations</c> (staff working the ticket), <c>POST /api/v1/tickets/{code}/approval</c>
/// (the supervisor of the ticket's branch; any other caller gets 404) and <c>GET /api/v1/helpdesk/supervisor/approvals</c>.
/// </summary>
public static class EscalationEndpoints
{
    public static void MapEscalationEndpoints(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/v1/tickets").WithTags("Helpdesk").RequireAuthorization();
        tickets.MapPost("/{code}/escalations", Escalate).WithName("EscalateTicket")
            .WithSummary("Escalate a ticket (staff working it): target teamSupervisor, branchSupervisor (branchId, else the ticket's branch), " +
                         "team (teamId) or branch (branchId), with a reason. A needs-approval ticket sent to a branch supervisor awaits approval.");
        tickets.MapPost("/{code}/approval", Decide).WithName("DecideApproval")
            .WithSummary("Approve (issues the permit, ticket back to Open) or reject with a comment (answered to the customer, ticket resolved). " +
                         "Only the supervisor of the ticket's branch; the ticket must be awaiting approval.");
        app.MapGroup("/api/v1/helpdesk/supervisor").WithTags("Helpdesk").RequireAuthorization(Policies.Staff)
            .MapGet("/approvals", Approvals).WithName("MyApprovals").WithSummary("Tickets awaiting my approval, in the branches I supervise");
    }

    public static async Task<Results<Created<EscalationView>, NotFound, ValidationProblem, ProblemHttpResult>> Escalate(string code,
        EscalateTicket.Command command, HttpContext http, TicketAccess access, EscalateTicket.Handler handler, EscalationQueries queries)
    {
        var ticket = await access.FindAsync(http.User, code);
        if (ticket is null) return TypedResults.NotFound();
        var (problems, escalation) = await handler.HandleAsync(http.User, ticket, command);
        if (problems.Forbidden is { } forbidden) return TypedResults.Problem(forbidden, statusCode: StatusCodes.Status403Forbidden);
        if (problems.Errors.Count > 0) return TypedResults.ValidationProblem(Camel(problems));
        if (problems.Conflict is { } conflict) return TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict);
        var view = await queries.OneAsync(escalation!);
        return TypedResults.Created($"/api/v1/tickets/{ticket.Code}", view);
    }

    public static async Task<Results<Ok<ApprovalResult>, NotFound, ValidationProblem, ProblemHttpResult>> Decide(string code,
        ApproveTicket.Command command, HttpContext http, BranchSupervision supervision, ApproveTicket.Handler handler)
    {
        var ticket = await supervision.FindForDecisionAsync(http.User, code);
        if (ticket is null) return TypedResults.NotFound();
        var (problems, permit) = await handler.HandleAsync(http.User, ticket, command);
        if (problems.Forbidden is { } forbidden) return TypedResults.Problem(forbidden, statusCode: StatusCodes.Status403Forbidden);
        if (problems.Errors.Count > 0) return TypedResults.ValidationProblem(Camel(problems));
        if (problems.Conflict is { } conflict) return TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict);
        return TypedResults.Ok(new ApprovalResult(ticket.Code, ticket.Status, permit?.Code));
    }

    public static async Task<Ok<IReadOnlyList<ApprovalItem>>> Approvals(HttpContext http, SupervisorDesk desk) =>
        TypedResults.Ok(await desk.ApprovalsAsync(http.User.RequiredUserId()));

    private static Dictionary<string, string[]> Camel(TicketProblems p) =>
        Lapak.Web.Infrastructure.Api.ApiValidation.ByJsonName(p.Errors);
}
