using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Incidents;

/// <summary>
/// Staff post a public update: the incident's new state and what the team says. Every attached customer hears it
/// (in-app and e-mail, in their language). Resolved sets the resolution time; a later update in another state reopens
/// the incident (the outage came back) and clears it, so the status page never shows a resolved incident as ongoing.
/// </summary>
public static class PostIncidentUpdate
{
    public sealed class Command
    {
        /// <summary>Investigating, Identified, Monitoring or Resolved.</summary>
        public string? State { get; set; }
        public string? Message { get; set; }
    }

    public sealed class Handler(LapakDbContext db, IncidentRules rules, Notifier notifier, LapakText text, IncidentLive live, TimeProvider clock)
    {
        public async Task<IncidentProblems> HandleAsync(ClaimsPrincipal staff, Incident incident, Command c)
        {
            var problems = new IncidentProblems();
            if (!TicketAccess.IsStaff(staff))
            {
                problems.Forbidden = text.Get("Only staff can declare and update incidents.");
                return problems;
            }
            var state = rules.State(c.State, problems);
            var message = rules.Message(c.Message, problems);
            if (problems.Any) return problems;

            var now = clock.GetUtcNow().UtcDateTime;
            var update = new IncidentUpdate
            {
                IncidentId = incident.Id, At = now, State = state!.Value, Message = message!,
                AuthorId = staff.RequiredUserId(), AuthorName = staff.DisplayName(),
            };
            db.Add(update);
            if (state == IncidentState.Resolved && incident.State != IncidentState.Resolved) incident.ResolvedAt = now;
            else if (state != IncidentState.Resolved) incident.ResolvedAt = null;
            incident.State = state.Value;
            incident.UpdatedAt = now;

            var customers = await (from s in db.Set<IncidentSubscription>() join u in db.Users on s.CustomerId equals u.Id
                                   where s.IncidentId == incident.Id && u.IsActive select u).ToListAsync();
            foreach (var customer in customers) IncidentNotifications.NotifyUpdate(notifier, text, customer, incident, update);
            await db.SaveChangesAsync();
            await live.IncidentChangedAsync(incident.Id);
            return problems;
        }
    }
}
