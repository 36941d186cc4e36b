using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Incidents;

public sealed record ResolvedTickets(IReadOnlyList<string> Codes);

/// <summary><c>/api/v1/incidents</c>: the public status (anyone), declaring and updating (staff), "this affects me" (signed in).</summary>
public static class IncidentEndpoints
{
    public static void MapIncidentEndpoints(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1/incidents").WithTags("Service status").AllowAnonymous();
        open.MapGet("", List).WithName("ListIncidents").WithSummary("Ongoing incidents and those resolved in the last 7 days (no sign-in needed)");
        open.MapGet("/{id:guid}", Get).WithName("GetIncident")
            .WithSummary("One incident with its updates; staff also get the subscriber count and the linked tickets they may see");

        var staff = app.MapGroup("/api/v1/incidents").WithTags("Service status").RequireAuthorization(Policies.Staff);
        staff.MapPost("", Declare).WithName("DeclareIncident")
            .WithSummary("Declare an incident (staff): title, area, impact (minor, major, critical), technicianId (a staff member), message; " +
                         "sourceTicketCode links a ticket you work and subscribes its customer");
        staff.MapPatch("/{id:guid}", Change).WithName("ChangeIncident").WithSummary("Change title, area, impact or technicianId (staff; all or nothing)");
        staff.MapPost("/{id:guid}/updates", PostUpdate).WithName("PostIncidentUpdate")
            .WithSummary("Post an update (staff): state (investigating, identified, monitoring, resolved) and message; every attached customer is notified");
        staff.MapPost("/{id:guid}/resolve-linked", ResolveLinked).WithName("ResolveLinkedTickets")
            .WithSummary("Resolve the chosen open linked tickets of a resolved incident (staff); each customer is notified as usual");

        var signedIn = app.MapGroup("/api/v1/incidents").WithTags("Service status").RequireAuthorization();
        signedIn.MapPost("/{id:guid}/attach", Attach).WithName("AttachToIncident")
            .WithSummary("This affects me: follow the incident, optionally with one of my own open tickets (ticketCode); repeating it is harmless");
        signedIn.MapDelete("/{id:guid}/attach", Detach).WithName("DetachFromIncident").WithSummary("This no longer affects me");
    }

    public static async Task<Ok<IncidentBoard>> List(HttpContext http, IncidentQueries queries) =>
        TypedResults.Ok(await queries.BoardAsync(http.User));

    public static async Task<Results<Ok<IncidentDetails>, NotFound>> Get(Guid id, HttpContext http, IncidentQueries queries) =>
        await queries.DetailsAsync(http.User, id) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    public static async Task<Results<Created<IncidentDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Declare(DeclareIncident.Command command,
        HttpContext http, DeclareIncident.Handler handler, IncidentQueries queries)
    {
        var (incident, problems) = await handler.HandleAsync(http.User, command);
        if (incident is null) return Answer<Created<IncidentDetails>>(problems);
        return TypedResults.Created($"/api/v1/incidents/{incident.Id}", await queries.DetailsAsync(http.User, incident.Id));
    }

    public static async Task<Results<Ok<IncidentDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Change(Guid id,
        ChangeIncidentDetails.Command command, HttpContext http, LapakDbContext db, ChangeIncidentDetails.Handler handler, IncidentQueries queries)
    {
        var incident = await db.Set<Incident>().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null) return TypedResults.NotFound();
        var problems = await handler.HandleAsync(http.User, incident, command);
        if (problems.Any) return Answer<Ok<IncidentDetails>>(problems);
        return TypedResults.Ok((await queries.DetailsAsync(http.User, id))!);
    }

    public static async Task<Results<Ok<IncidentDetails>, NotFound, ValidationProblem, ProblemHttpResult>> PostUpdate(Guid id,
        PostIncidentUpdate.Command command, HttpContext http, LapakDbContext db, PostIncidentUpdate.Handler handler, IncidentQueries queries)
    {
        var incident = await db.Set<Incident>().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null) return TypedResults.NotFound();
        var problems = await handler.HandleAsync(http.User, incident, command);
        if (problems.Any) return Answer<Ok<IncidentDetails>>(problems);
        return TypedResults.Ok((await queries.DetailsAsync(http.User, id))!);
    }

    public static async Task<Results<Ok<ResolvedTickets>, NotFound, ValidationProblem, ProblemHttpResult>> ResolveLinked(Guid id,
        ResolveLinkedTickets.Command command, HttpContext http, LapakDbContext db, ResolveLinkedTickets.Handler handler)
    {
        var incident = await db.Set<Incident>().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null) return TypedResults.NotFound();
        var (resolved, problems) = await handler.HandleAsync(http.User, incident, command);
        if (problems.Any) return Answer<Ok<ResolvedTickets>>(problems);
        return TypedResults.Ok(new ResolvedTickets(resolved));
    }

    public static async Task<Results<Ok<IncidentView>, NotFound, ValidationProblem, ProblemHttpResult>> Attach(Guid id,
        AttachToIncident.Command? command, HttpContext http, LapakDbContext db, AttachToIncident.Handler handler, IncidentQueries queries)
    {
        var incident = await db.Set<Incident>().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null) return TypedResults.NotFound();
        var problems = await handler.HandleAsync(http.User, incident, command ?? new());
        if (problems.Any) return Answer<Ok<IncidentView>>(problems);
        return TypedResults.Ok((await queries.DetailsAsync(http.User, id))!.Incident);
    }

    public static async Task<Results<NoContent, NotFound>> Detach(Guid id, HttpContext http, LapakDbContext db, AttachToIncident.Handler handler)
    {
        var incident = await db.Set<Incident>().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null) return TypedResults.NotFound();
        await handler.DetachAsync(http.User, incident);
        return TypedResults.NoContent();
    }

    /// <summary>404, 403, 400 with camelCase field names, then 409.</summary>
    private static Results<TOk, NotFound, ValidationProblem, ProblemHttpResult> Answer<TOk>(IncidentProblems problems) where TOk : IResult
    {
        if (problems.NotFound) return TypedResults.NotFound();
        if (problems.Forbidden is { } forbidden) return TypedResults.Problem(forbidden, statusCode: StatusCodes.Status403Forbidden);
        if (problems.Errors.Count > 0)
            return TypedResults.ValidationProblem(Lapak.Web.Infrastructure.Api.ApiValidation.ByJsonName(problems.Errors));
        return TypedResults.Problem(problems.Conflict, statusCode: StatusCodes.Status409Conflict);
    }
}
