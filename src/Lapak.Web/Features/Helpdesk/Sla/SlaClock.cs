using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>
/// Keeps a ticket's due times: the first response and the resolution, in business time of its calendar from its
/// creation, with the clock standing still while the ticket waits on the customer (or sits resolved until reopened).
/// The ticket use cases call <see cref="ApplyAsync"/> on the tracked ticket before they save.
/// </summary>
public sealed class SlaClock(LapakDbContext db, SlaSettingsCache settings, TimeProvider clock)
{
    /// <summary>Statuses in which the clock stands still: the ball is with the customer.</summary>
    public static bool Pauses(TicketStatus status) => status is TicketStatus.PendingCustomer or TicketStatus.Resolved;

    /// <summary>Sets the due times of the tracked <paramref name="ticket"/> (not saved); <paramref name="now"/> defaults to the clock.</summary>
    public async Task ApplyAsync(Ticket ticket, DateTime? now = null, CancellationToken ct = default)
    {
        var at = now ?? clock.GetUtcNow().UtcDateTime;
        var s = await settings.GetAsync(db, ct);
        var calendar = s.CalendarFor(ticket.TeamId, ticket.BranchId);
        var target = s.Targets.GetValueOrDefault(ticket.Priority);
        var (oldFirst, oldResolution) = (ticket.FirstResponseDueAt, ticket.ResolutionDueAt);
        if (calendar is null || target is null || ticket.IsClosed)
        {
            ticket.FirstResponseDueAt = ticket.ResolutionDueAt = null;
            return;
        }
        var hours = calendar.Hours();
        var pauses = PausesOf(ticket.CreatedAt, await StatusChangesAsync(ticket, ct));
        // A ticket whose status was written without a history line (imported, seeded) still pauses from its last change.
        if (Pauses(ticket.Status) && !pauses.Any(p => p.UntilUtc is null)) pauses.Add(new ClockPause(ticket.UpdatedAt < ticket.CreatedAt ? ticket.CreatedAt : ticket.UpdatedAt, null));
        ticket.FirstResponseDueAt = ticket.FirstResponseAt is null
            ? hours.Due(ticket.CreatedAt, TimeSpan.FromMinutes(target.FirstResponseMinutes), pauses) : null;
        ticket.ResolutionDueAt = hours.Due(ticket.CreatedAt, TimeSpan.FromMinutes(target.ResolutionMinutes), pauses);

        // A due time that moved into the future is a new promise: it may be warned of and breached again. One that
        // only disappeared (paused, resolved) or moved but stays passed keeps its flags, so it is not escalated twice.
        var next = ticket.FirstResponseDueAt ?? ticket.ResolutionDueAt;
        if (next is { } due && due != (oldFirst ?? oldResolution) && due > at)
            ticket.SlaWarnedAt = ticket.SlaBreachedAt = null;
    }

    /// <summary>The spans in a pausing status, from the ticket's status history (open-ended for the current one).</summary>
    public static List<ClockPause> PausesOf(DateTime createdAt, IEnumerable<(DateTime At, string? To)> changes)
    {
        var pauses = new List<ClockPause>();
        DateTime? since = null;
        foreach (var (at, to) in changes.OrderBy(c => c.At))
        {
            var pausing = Enum.TryParse<TicketStatus>(to, out var status) && Pauses(status);
            if (pausing && since is null) since = at < createdAt ? createdAt : at;
            else if (!pausing && since is { } from)
            {
                pauses.Add(new ClockPause(from, at));
                since = null;
            }
        }
        if (since is { } open) pauses.Add(new ClockPause(open, null));
        return pauses;
    }

    private async Task<List<(DateTime At, string? To)>> StatusChangesAsync(Ticket ticket, CancellationToken ct)
    {
        // Saved lines from the database, plus the ones this unit of work is about to add.
        var saved = db.Entry(ticket).State == EntityState.Added ? []
            : await db.Set<TicketEvent>().AsNoTracking().Where(e => e.TicketId == ticket.Id && e.Kind == TicketEventKind.StatusChanged)
                .OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new { e.At, e.NewValue }).ToListAsync(ct);
        return [.. saved.Select(e => (e.At, e.NewValue)),
            .. ticket.Events.Where(e => e.Id == 0 && e.Kind == TicketEventKind.StatusChanged).Select(e => (e.At, e.NewValue))];
    }
}
