using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Incidents;

/// <summary>
/// A signed-in customer says "this affects me", optionally with one of their own open tickets (someone else's ticket is
/// "not found", whoever may see it otherwise). Saying it again changes nothing, or moves the link to the ticket now
/// given; the linked ticket's history says so. A customer may take it back at any time; new attachments only go to an
/// ongoing incident.
/// </summary>
public static class AttachToIncident
{
    public sealed class Command
    {
        public string? TicketCode { get; set; }
    }

    public sealed class Handler(LapakDbContext db, LapakText text, IncidentLive live, TicketLive tickets, TimeProvider clock)
    {
        public async Task<IncidentProblems> HandleAsync(ClaimsPrincipal customer, Incident incident, Command c)
        {
            var problems = new IncidentProblems();
            var me = customer.RequiredUserId();
            Ticket? ticket = null;
            if (!string.IsNullOrWhiteSpace(c.TicketCode))
            {
                var code = TicketCode.Normalize(c.TicketCode);
                ticket = code is null ? null : await db.Set<Ticket>().SingleOrDefaultAsync(t => t.Code == code && t.CustomerId == me);
                if (ticket is null)
                {
                    problems.NotFound = true;
                    return problems;
                }
                if (ticket.Status is TicketStatus.Resolved or TicketStatus.Closed)
                    problems.Add(nameof(Command.TicketCode), text.Get("Choose one of your open tickets."));
            }
            var subscription = await db.Set<IncidentSubscription>().SingleOrDefaultAsync(s => s.IncidentId == incident.Id && s.CustomerId == me);
            if (subscription is null && incident.State == IncidentState.Resolved)
                problems.Conflict = text.Get("This incident is resolved; open a ticket if you still have trouble.");
            if (problems.Any) return problems;

            var now = clock.GetUtcNow().UtcDateTime;
            if (subscription is null)
                db.Add(subscription = new IncidentSubscription { IncidentId = incident.Id, CustomerId = me, At = now });
            else if (ticket is null || subscription.TicketId == ticket.Id)
                return problems; // already attached: nothing to do
            if (ticket is not null)
            {
                subscription.TicketId = ticket.Id;
                ticket.Record(TicketEventKind.IncidentLinked, new Actor(me, customer.DisplayName()), now, null, incident.Title);
                ticket.UpdatedAt = now;
            }
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException) when (db.Entry(subscription).State == EntityState.Added)
            {
                // The same customer pressed twice at once: the other request attached them.
                db.ChangeTracker.Clear();
                return problems;
            }
            await live.IncidentChangedAsync(incident.Id);
            if (ticket is not null) await tickets.TicketChangedAsync(ticket, publicChange: true);
            return problems;
        }

        /// <summary>"This no longer affects me": the customer stops hearing of the incident. Nothing to undo is fine too.</summary>
        public async Task DetachAsync(ClaimsPrincipal customer, Incident incident)
        {
            var me = customer.RequiredUserId();
            var removed = await db.Set<IncidentSubscription>().Where(s => s.IncidentId == incident.Id && s.CustomerId == me).ExecuteDeleteAsync();
            if (removed > 0) await live.IncidentChangedAsync(incident.Id);
        }
    }
}
