using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Incidents;

/// <summary>
/// Staff declare a public incident (seed 001: an outage in an area, with the technician on it) with its first update.
/// Raised from a ticket the agent works, that ticket's customer follows the incident with it and the ticket's history
/// says so. The technician hears they were put on it; the source customer gets the first update.
/// </summary>
public static class DeclareIncident
{
    public sealed class Command : IIncidentFields
    {
        public string? Title { get; set; }
        public string? Area { get; set; }
        /// <summary>Minor, Major or Critical.</summary>
        public string? Impact { get; set; }
        public Guid? TechnicianId { get; set; }
        /// <summary>The ticket it is raised from, one the caller works; optional.</summary>
        public string? SourceTicketCode { get; set; }
        /// <summary>The first public update.</summary>
        public string? Message { get; set; }
    }

    public sealed class Handler(LapakDbContext db, TicketAccess access, IncidentRules rules, Notifier notifier, LapakText text,
        IncidentLive live, TicketLive tickets, TimeProvider clock)
    {
        public async Task<(Incident? Incident, IncidentProblems Problems)> HandleAsync(ClaimsPrincipal staff, Command c)
        {
            var problems = new IncidentProblems();
            if (!TicketAccess.IsStaff(staff))
            {
                problems.Forbidden = text.Get("Only staff can declare and update incidents.");
                return (null, problems);
            }
            var title = rules.Title(c.Title, problems);
            var area = rules.Area(c.Area, problems);
            var impact = rules.Impact(c.Impact, problems);
            var technician = await rules.TechnicianAsync(c.TechnicianId, required: true, problems);
            var message = rules.Message(c.Message, problems);
            Ticket? source = null;
            if (!string.IsNullOrWhiteSpace(c.SourceTicketCode))
            {
                source = await access.FindAsync(staff, c.SourceTicketCode);
                if (source is null || !TicketAccess.Works(staff, source))
                    problems.Add(nameof(Command.SourceTicketCode), text.Get("Choose a ticket you work on."));
            }
            if (problems.Any) return (null, problems);

            var now = clock.GetUtcNow().UtcDateTime;
            var actor = new Actor(staff.RequiredUserId(), staff.DisplayName());
            var incident = new Incident
            {
                Title = title!, Area = area!, Impact = impact!.Value, State = IncidentState.Investigating, TechnicianId = technician!.Id,
                SourceTicketId = source?.Id, CreatedById = actor.Id, CreatedAt = now, UpdatedAt = now,
            };
            var update = new IncidentUpdate
            {
                IncidentId = incident.Id, At = now, State = incident.State, Message = message!, AuthorId = actor.Id, AuthorName = actor.Name,
            };
            incident.Updates.Add(update);
            db.Add(incident);
            if (source is not null)
            {
                db.Add(new IncidentSubscription { IncidentId = incident.Id, CustomerId = source.CustomerId, TicketId = source.Id, At = now });
                source.Record(TicketEventKind.IncidentLinked, actor, now, null, incident.Title);
                source.UpdatedAt = now;
                var customer = await db.Users.SingleAsync(u => u.Id == source.CustomerId);
                IncidentNotifications.NotifyUpdate(notifier, text, customer, incident, update);
            }
            if (technician.Id != actor.Id) IncidentNotifications.NotifyTechnician(notifier, technician, incident, actor.Name);
            await db.SaveChangesAsync();

            await live.IncidentChangedAsync(incident.Id);
            if (source is not null) await tickets.TicketChangedAsync(source, publicChange: true);
            return (incident, problems);
        }
    }
}
