using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>One due time on the ticket card: when, in which zone, and how it stands.</summary>
public sealed record SlaDue(SlaMeasure Measure, DateTime? DueAt, SlaState State, DateTime? MetAt);

public sealed record SlaCard(string CalendarName, string TimeZone, TicketPriority Priority, SlaDue FirstResponse, SlaDue Resolution);

/// <summary>The SLA card of the ticket page, for staff working the ticket only: customers see nothing of the SLA.</summary>
public sealed class SlaCards(LapakDbContext db, SlaSettingsCache settings, TimeProvider clock)
{
    public async Task<SlaCard?> ForAsync(System.Security.Claims.ClaimsPrincipal user, string code)
    {
        var t = await db.Set<Ticket>().AsNoTracking().SingleOrDefaultAsync(x => x.Code == code);
        if (t is null || !TicketAccess.Works(user, t)) return null;
        var s = await settings.GetAsync(db);
        var calendar = s.CalendarFor(t.TeamId, t.BranchId);
        if (calendar is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var paused = SlaClock.Pauses(t.Status);
        return new SlaCard(calendar.Name, calendar.TimeZone, t.Priority,
            Due(SlaMeasure.FirstResponse, t.FirstResponseDueAt, t.FirstResponseAt, paused, t, now),
            Due(SlaMeasure.Resolution, t.ResolutionDueAt, t.ResolvedAt ?? t.ClosedAt, paused && t.Status != TicketStatus.Resolved, t, now));
    }

    private static SlaDue Due(SlaMeasure measure, DateTime? due, DateTime? metAt, bool paused, Ticket t, DateTime now)
    {
        if (metAt is not null && due is null) return new(measure, null, SlaState.Met, metAt);
        if (due is null) return new(measure, null, paused ? SlaState.Paused : SlaState.None, null);
        // The flags belong to the next due time: the first response while it is open, the resolution after it.
        var current = measure == SlaMeasure.FirstResponse || t.FirstResponseDueAt is null;
        var state = due <= now || current && t.SlaBreachedAt is not null ? SlaState.Breached
            : current && t.SlaWarnedAt is not null || due - now <= SlaStates.DueSoonWindow ? SlaState.DueSoon : SlaState.OnTime;
        return new(measure, due, state, null);
    }
}
