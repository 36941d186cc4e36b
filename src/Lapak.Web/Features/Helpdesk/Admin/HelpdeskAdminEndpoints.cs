using System.Text.RegularExpressions;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Accounts.Admin;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Api;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Admin;

public sealed record RequestTypeAdminView(Guid Id, string NameId, string NameEn, string? DescriptionId, string? DescriptionEn,
    Guid? DefaultTeamId, TicketPriority DefaultPriority, bool NeedsApproval, bool IsActive, int SortOrder, IReadOnlyList<RequestField> Fields)
{
    public static RequestTypeAdminView Of(RequestType t) => new(t.Id, t.NameId, t.NameEn, t.DescriptionId, t.DescriptionEn, t.DefaultTeamId,
        t.DefaultPriority, t.NeedsApproval, t.IsActive, t.SortOrder, t.Fields);
}

/// <summary>Request-type admin (admins) and ticket soft delete (supervisors, admins): the same use cases as the pages.</summary>
public static partial class HelpdeskAdminEndpoints
{
    public static void MapHelpdeskAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var types = app.MapGroup("/api/v1/helpdesk/admin/request-types").WithTags("Helpdesk").RequireAuthorization(Policies.Admin);
        types.MapGet("", List).WithName("AdminListRequestTypes").WithSummary("Every request type, active or not, with its fields (admins)");
        types.MapGet("/{id:guid}", Get).WithName("AdminGetRequestType").WithSummary("One request type with its fields (admins)");
        types.MapPost("", Create).WithName("CreateRequestType").WithSummary("Create a request type with its form fields (admins)");
        types.MapPut("/{id:guid}", Update).WithName("UpdateRequestType")
            .WithSummary("Replace a request type's settings and fields; isActive=false deactivates it (admins)");

        app.MapDelete("/api/v1/tickets/{code}", Delete).WithTags("Helpdesk").RequireAuthorization().WithName("DeleteTicket")
            .WithSummary("Soft-delete a ticket with a reason (supervisors, admins): JSON body {\"reason\": \"…\"} or ?reason=; the reason goes to the activity log");
    }

    public static async Task<Ok<List<RequestTypeAdminView>>> List(LapakDbContext db)
    {
        var types = await db.Set<RequestType>().AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.NameId).ToListAsync();
        return TypedResults.Ok(types.Select(RequestTypeAdminView.Of).ToList());
    }

    public static async Task<Results<Ok<RequestTypeAdminView>, NotFound>> Get(Guid id, LapakDbContext db) =>
        await db.Set<RequestType>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id) is { } t ? TypedResults.Ok(RequestTypeAdminView.Of(t)) : TypedResults.NotFound();

    public static async Task<Results<Created<RequestTypeAdminView>, ValidationProblem>> Create(SaveRequestType.Command command,
        SaveRequestType.Handler handler, LapakDbContext db, LapakText text)
    {
        var errors = ApiValidation.Errors(command, text);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var outcome = await handler.HandleAsync(null, command);
        if (!outcome.Succeeded) return TypedResults.ValidationProblem(ForApi(outcome));
        var type = await db.Set<RequestType>().AsNoTracking().SingleAsync(t => t.Id == outcome.Id);
        return TypedResults.Created($"/api/v1/helpdesk/admin/request-types/{type.Id}", RequestTypeAdminView.Of(type));
    }

    public static async Task<Results<Ok<RequestTypeAdminView>, NotFound, ValidationProblem>> Update(Guid id, SaveRequestType.Command command,
        SaveRequestType.Handler handler, LapakDbContext db, LapakText text)
    {
        if (!await db.Set<RequestType>().AnyAsync(t => t.Id == id)) return TypedResults.NotFound();
        var errors = ApiValidation.Errors(command, text);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var outcome = await handler.HandleAsync(id, command);
        if (outcome.Kind == OutcomeKind.NotFound) return TypedResults.NotFound();
        if (!outcome.Succeeded) return TypedResults.ValidationProblem(ForApi(outcome));
        var type = await db.Set<RequestType>().AsNoTracking().SingleAsync(t => t.Id == id);
        return TypedResults.Ok(RequestTypeAdminView.Of(type));
    }

    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Delete(string code, HttpContext http,
        TicketAccess access, DeleteTicket.Handler handler, LapakText text,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] DeleteTicket.Command? body = null, [FromQuery] string? reason = null)
    {
        var ticket = await access.FindAsync(http.User, code);
        if (ticket is null) return TypedResults.NotFound();
        if (!DeleteTicket.Handler.MayDelete(http.User))
            return TypedResults.Problem(text.Get("Only supervisors and administrators can delete tickets."), statusCode: StatusCodes.Status403Forbidden);
        var command = new DeleteTicket.Command { Reason = (string.IsNullOrWhiteSpace(body?.Reason) ? reason : body.Reason) ?? "" };
        var errors = ApiValidation.Errors(command, text);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        await handler.HandleAsync(http.User, ticket, command);
        return TypedResults.NoContent();
    }

    /// <summary>"Fields[0].Items[1].Key" → "fields[0].items[1].key": every segment camelCased, like the JSON the client sent.</summary>
    public static Dictionary<string, string[]> ForApi(Outcome outcome) =>
        outcome.Errors.ToDictionary(e => Segment().Replace(e.Key, m => m.Value.ToLowerInvariant()), e => e.Value.ToArray());

    [GeneratedRegex(@"(?<=^|\.)[A-Z]")]
    private static partial Regex Segment();
}
