using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Infrastructure.Api;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Tickets;

public sealed record RequestTypeView(Guid Id, string Name, string? Description, bool NeedsApproval, IReadOnlyList<RequestField> Fields);

public sealed record StatusChange(TicketStatus Status);

/// <summary><c>/api/v1/tickets</c> and <c>/api/v1/helpdesk/request-types</c>: the same rules as the pages.</summary>
public static class TicketEndpoints
{
    public static void MapTicketEndpoints(this IEndpointRouteBuilder app)
    {
        var types = app.MapGroup("/api/v1/helpdesk/request-types").WithTags("Helpdesk").RequireAuthorization();
        types.MapGet("", ListRequestTypes).WithName("ListRequestTypes").WithSummary("The request types a ticket can be opened with, and their extra fields");

        var g = app.MapGroup("/api/v1/tickets").WithTags("Helpdesk").RequireAuthorization();
        g.MapPost("", Open).WithName("OpenTicket").WithSummary("Open a ticket (staff may open one for a customer with customerEmail)");
        g.MapGet("", List).WithName("ListTickets").WithSummary("Tickets I may see, filtered: status (a status, active or any), scope (mine, teams, all, organization), type, priority, team, assignee (me, none or an id), from/to (WIB dates), q, page");
        g.MapGet("/{code}", Get).WithName("GetTicket").WithSummary("One ticket with its replies and history (internal notes only for staff)");
        g.MapPost("/{code}/replies", Reply).WithName("ReplyToTicket").WithSummary("Add a public reply; a customer's reply reopens a resolved ticket");
        g.MapPost("/{code}/notes", Note).WithName("AddTicketNote").WithSummary("Add an internal note (staff working the ticket)");
        var queue = app.MapGroup("/api/v1/queue").WithTags("Helpdesk").RequireAuthorization(Policies.Staff);
        queue.MapGet("", Queue).WithName("GetQueue").WithSummary("My teams' unassigned tickets, highest priority first, then oldest (FIFO)");
        queue.MapPost("/take-next", TakeNext).WithName("TakeNextTicket")
            .WithSummary("Assign me the next ticket of my queue; exactly one agent gets each ticket even when many press at once (204 when empty)");

        g.MapPut("/{code}/status", ChangeStatus).WithName("ChangeTicketStatus").WithSummary("Move the ticket along its lifecycle (staff)");
    }

    public static async Task<Ok<List<RequestTypeView>>> ListRequestTypes(LapakDbContext db)
    {
        var lang = LapakCultures.Current;
        var types = await db.Set<RequestType>().AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ThenBy(t => t.NameId).ToListAsync();
        // A Branch field lists the branch codes it accepts as its options, so an API client can offer them.
        var branches = types.Any(BranchChoices.Uses) ? (await BranchChoices.AllAsync(db)).Select(b => b.Code).ToList() : [];
        return TypedResults.Ok(types.Select(t => new RequestTypeView(t.Id, t.Name(lang), t.Description(lang), t.NeedsApproval,
            [.. t.Fields.Select(f => f.Kind == FieldKind.Branch ? f with { Options = branches } : f)])).ToList());
    }

    public static async Task<Results<Created<TicketDetails>, ValidationProblem>> Open(OpenTicket.Command command, HttpContext http,
        OpenTicket.Handler handler, TicketQueries queries, LapakText text)
    {
        command.Source = TicketSource.Api;
        var errors = ApiValidation.Errors(command, text);
        if (errors.Count > 0)
        {
            foreach (var (key, messages) in Camel(await handler.CheckFieldsAsync(command))) errors[key] = messages;
            return TypedResults.ValidationProblem(errors);
        }
        var opened = await handler.HandleAsync(http.User, command);
        if (!opened.Succeeded) return TypedResults.ValidationProblem(Camel(opened.Errors));
        return TypedResults.Created($"/api/v1/tickets/{opened.Ticket!.Code}", await queries.DetailsOfOpenedAsync(http.User, opened));
    }

    /// <summary>Filters: see <see cref="TicketListFilter"/>; an invalid value is a 400, a scope the caller may not use a 403.</summary>
    public static async Task<Results<Ok<TicketListPage>, ValidationProblem, ProblemHttpResult>> List(HttpContext http, TicketQueries queries,
        LapakText text, string? status = null, string? q = null, bool mine = false, int page = 1, int pageSize = 20, string? scope = null,
        string? type = null, string? priority = null, string? team = null, string? assignee = null, string? from = null, string? to = null)
    {
        if (Enum.TryParse<TicketScope>(scope, ignoreCase: true, out var s) && Enum.IsDefined(s) && !TicketListFilter.MayUse(http.User, s))
            return TypedResults.Problem(text.Get("You may not use this scope."), statusCode: StatusCodes.Status403Forbidden);
        var (filter, errors) = TicketListFilter.Parse(http.User, new(status, scope, type, priority, team, assignee, from, to),
            new TicketFilter(null, q, mine, page, pageSize), text);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await queries.ListAsync(http.User, filter));
    }

    public static async Task<Results<Ok<TicketDetails>, NotFound>> Get(string code, HttpContext http, TicketAccess access, TicketQueries queries)
    {
        var ticket = await access.FindAsync(http.User, code);
        return ticket is null ? TypedResults.NotFound() : TypedResults.Ok(await queries.DetailsAsync(http.User, ticket));
    }

    public static Task<Results<Created<TicketMessageView>, NotFound, ValidationProblem, ProblemHttpResult>> Reply(string code, ReplyToTicket.Command command,
        HttpContext http, TicketAccess access, ReplyToTicket.Handler handler, LapakText text) =>
        AddMessage(code, command, internalNote: false, http, access, handler, text);

    public static Task<Results<Created<TicketMessageView>, NotFound, ValidationProblem, ProblemHttpResult>> Note(string code, ReplyToTicket.Command command,
        HttpContext http, TicketAccess access, ReplyToTicket.Handler handler, LapakText text) =>
        AddMessage(code, command, internalNote: true, http, access, handler, text);

    private static async Task<Results<Created<TicketMessageView>, NotFound, ValidationProblem, ProblemHttpResult>> AddMessage(string code,
        ReplyToTicket.Command command, bool internalNote, HttpContext http, TicketAccess access, ReplyToTicket.Handler handler, LapakText text)
    {
        command.Internal = internalNote;
        var errors = ApiValidation.Errors(command, text);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var ticket = await access.FindAsync(http.User, code);
        if (ticket is null) return TypedResults.NotFound();
        var (message, problem) = await handler.HandleAsync(http.User, ticket, command);
        return problem switch
        {
            ReplyToTicket.Problem.Closed => TypedResults.Problem(text.Get("This ticket is closed. Open a new ticket if you still need help."), statusCode: StatusCodes.Status409Conflict),
            ReplyToTicket.Problem.NotStaff => TypedResults.Problem(text.Get("Only staff working on the ticket can add internal notes."), statusCode: StatusCodes.Status403Forbidden),
            _ => TypedResults.Created($"/api/v1/tickets/{ticket.Code}",
                new TicketMessageView(message!.Id, message.AuthorName, message.FromStaff, message.IsInternal, message.Body, message.CreatedAt)),
        };
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> ChangeStatus(string code, StatusChange change, HttpContext http,
        TicketAccess access, ChangeTicketStatus.Handler handler)
    {
        var ticket = await access.FindAsync(http.User, code);
        if (ticket is null) return TypedResults.NotFound();
        var problem = await handler.HandleAsync(http.User, ticket, change.Status);
        if (problem is null) return TypedResults.NoContent();
        return TypedResults.Problem(problem, statusCode: TicketAccess.Works(http.User, ticket) ? StatusCodes.Status409Conflict : StatusCodes.Status403Forbidden);
    }

    public static async Task<Ok<IReadOnlyList<QueueItem>>> Queue(HttpContext http, TicketQueries queries) =>
        TypedResults.Ok(await queries.QueueAsync(http.User.RequiredUserId()));

    public static async Task<Results<Ok<TicketDetails>, NoContent>> TakeNext(HttpContext http, TakeNextTicket.Handler handler, TicketQueries queries)
    {
        var ticket = await handler.HandleAsync(http.User);
        return ticket is null ? TypedResults.NoContent() : TypedResults.Ok(await queries.DetailsAsync(http.User, ticket));
    }

    private static Dictionary<string, string[]> Camel(Dictionary<string, string[]> errors) =>
        errors.ToDictionary(e => e.Key.StartsWith("Fields[", StringComparison.Ordinal) ? "fields" + e.Key["Fields".Length..]
            : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value);
}
