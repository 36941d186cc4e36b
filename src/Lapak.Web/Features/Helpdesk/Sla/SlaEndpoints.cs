using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Accounts.Admin;
using Lapak.Web.Features.Helpdesk.Admin;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Sla;

public sealed record SlaTargetView(TicketPriority Priority, int FirstResponseMinutes, int ResolutionMinutes, int WarnBeforeMinutes, DateTime UpdatedAt);

public sealed record HolidayView(Guid Id, DateOnly StartDate, DateOnly EndDate, string Name);

public sealed record CalendarView(Guid Id, string Name, string TimeZone, bool IsDefault, Guid? TeamId, Guid? BranchId,
    IReadOnlyList<SaveCalendar.WeekDay> Week, IReadOnlyList<HolidayView> Holidays)
{
    public static CalendarView Of(BusinessCalendar c) => new(c.Id, c.Name, c.TimeZone, c.IsDefault, c.TeamId, c.BranchId, SaveCalendar.WeekOf(c),
        [.. c.Holidays.OrderBy(h => h.StartDate).Select(h => new HolidayView(h.Id, h.StartDate, h.EndDate, h.Name))]);
}

/// <summary>SLA targets and business calendars for admins: the same use cases as the admin pages.</summary>
public static class SlaEndpoints
{
    public static void MapSlaEndpoints(this IEndpointRouteBuilder app)
    {
        var sla = app.MapGroup("/api/v1/helpdesk").WithTags("Helpdesk SLA").RequireAuthorization(Policies.Admin);
        sla.MapGet("/sla/targets", Targets).WithName("GetSlaTargets").WithSummary("The first-response and resolution targets per priority, in business minutes (admins)");
        sla.MapPut("/sla/targets", SaveTargets).WithName("SaveSlaTargets")
            .WithSummary("Replace the four targets at once: {\"targets\": [{\"priority\", \"firstResponseMinutes\", \"resolutionMinutes\", \"warnBeforeMinutes\"}]} (admins)");
        sla.MapGet("/calendars", Calendars).WithName("ListBusinessCalendars").WithSummary("Every business calendar with its week and holidays (admins)");
        sla.MapPost("/calendars", Create).WithName("CreateBusinessCalendar")
            .WithSummary("Create a calendar; without a holidays list it starts with the default calendar's holidays (admins)");
        sla.MapGet("/calendars/{id:guid}", Get).WithName("GetBusinessCalendar").WithSummary("One business calendar (admins)");
        sla.MapPut("/calendars/{id:guid}", Update).WithName("UpdateBusinessCalendar")
            .WithSummary("Change a calendar; a holidays list replaces its holidays, none keeps them (admins)");
        sla.MapDelete("/calendars/{id:guid}", Delete).WithName("DeleteBusinessCalendar").WithSummary("Delete a calendar other than the default (admins)");
        sla.MapPost("/calendars/{id:guid}/holidays", AddHoliday).WithName("AddCalendarHoliday")
            .WithSummary("Add a holiday (a day or a run of days); overlapping another entry is refused (admins)");
        sla.MapDelete("/calendars/{id:guid}/holidays/{holidayId:guid}", RemoveHoliday).WithName("RemoveCalendarHoliday").WithSummary("Remove a holiday (admins)");
    }

    public static async Task<Ok<List<SlaTargetView>>> Targets(LapakDbContext db)
    {
        var targets = await db.Set<SlaTarget>().AsNoTracking().ToListAsync();
        return TypedResults.Ok(targets.OrderByDescending(t => t.Priority)
            .Select(t => new SlaTargetView(t.Priority, t.FirstResponseMinutes, t.ResolutionMinutes, t.WarnBeforeMinutes, t.UpdatedAt)).ToList());
    }

    public static async Task<Results<Ok<List<SlaTargetView>>, ValidationProblem>> SaveTargets(SaveSlaTargets.Command command,
        SaveSlaTargets.Handler handler, LapakDbContext db)
    {
        var outcome = await handler.HandleAsync(command);
        if (!outcome.Succeeded) return TypedResults.ValidationProblem(HelpdeskAdminEndpoints.ForApi(outcome));
        return await Targets(db);
    }

    public static async Task<Ok<List<CalendarView>>> Calendars(LapakDbContext db)
    {
        var calendars = await db.Set<BusinessCalendar>().AsNoTracking().Include(c => c.Holidays).AsSplitQuery()
            .OrderByDescending(c => c.IsDefault).ThenBy(c => c.Name).ToListAsync();
        return TypedResults.Ok(calendars.Select(CalendarView.Of).ToList());
    }

    public static async Task<Results<Ok<CalendarView>, NotFound>> Get(Guid id, LapakDbContext db) =>
        await Find(db, id) is { } c ? TypedResults.Ok(CalendarView.Of(c)) : TypedResults.NotFound();

    public static async Task<Results<Created<CalendarView>, ValidationProblem>> Create(SaveCalendar.Command command, SaveCalendar.Handler handler, LapakDbContext db)
    {
        var outcome = await handler.HandleAsync(null, command);
        if (!outcome.Succeeded) return TypedResults.ValidationProblem(HelpdeskAdminEndpoints.ForApi(outcome));
        var calendar = (await Find(db, outcome.Id!.Value))!;
        return TypedResults.Created($"/api/v1/helpdesk/calendars/{calendar.Id}", CalendarView.Of(calendar));
    }

    public static async Task<Results<Ok<CalendarView>, NotFound, ValidationProblem>> Update(Guid id, SaveCalendar.Command command,
        SaveCalendar.Handler handler, LapakDbContext db)
    {
        var outcome = await handler.HandleAsync(id, command);
        if (outcome.Kind == OutcomeKind.NotFound) return TypedResults.NotFound();
        if (!outcome.Succeeded) return TypedResults.ValidationProblem(HelpdeskAdminEndpoints.ForApi(outcome));
        return TypedResults.Ok(CalendarView.Of((await Find(db, id))!));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(Guid id, DeleteCalendar.Handler handler)
    {
        var outcome = await handler.HandleAsync(id);
        return outcome.Kind switch
        {
            OutcomeKind.NotFound => TypedResults.NotFound(),
            OutcomeKind.Conflict => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.NoContent(),
        };
    }

    public static async Task<Results<Created<HolidayView>, NotFound, ValidationProblem>> AddHoliday(Guid id, CalendarHolidays.Holiday holiday,
        CalendarHolidays.AddHandler handler, LapakDbContext db)
    {
        var outcome = await handler.HandleAsync(id, holiday);
        if (outcome.Kind == OutcomeKind.NotFound) return TypedResults.NotFound();
        if (!outcome.Succeeded) return TypedResults.ValidationProblem(HelpdeskAdminEndpoints.ForApi(outcome));
        var h = await db.Set<BusinessHoliday>().AsNoTracking().SingleAsync(x => x.Id == outcome.Id);
        return TypedResults.Created($"/api/v1/helpdesk/calendars/{id}/holidays/{h.Id}", new HolidayView(h.Id, h.StartDate, h.EndDate, h.Name));
    }

    public static async Task<Results<NoContent, NotFound>> RemoveHoliday(Guid id, Guid holidayId, CalendarHolidays.RemoveHandler handler) =>
        (await handler.HandleAsync(id, holidayId)).Succeeded ? TypedResults.NoContent() : TypedResults.NotFound();

    private static Task<BusinessCalendar?> Find(LapakDbContext db, Guid id) =>
        db.Set<BusinessCalendar>().AsNoTracking().Include(c => c.Holidays).SingleOrDefaultAsync(c => c.Id == id);
}
