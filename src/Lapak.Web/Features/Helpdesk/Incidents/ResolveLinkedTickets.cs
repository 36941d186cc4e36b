using System.Security.Claims;
using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Incidents;

/// <summary>
/// Once an incident is resolved, staff resolve the chosen linked tickets in one go, through the same status path as the
/// ticket page (<see cref="ChangeTicketStatus.Handler.ApplyAsync"/>), so each customer is notified as usual. Only open
/// tickets linked to this incident that the caller may see can be chosen; one wrong code changes nothing.
/// </summary>
public static class ResolveLinkedTickets
{
    public sealed class Command
    {
        public List<string> Codes { get; set; } = [];
    }

    public sealed class Handler(LapakDbContext db, TicketAccess access, ChangeTicketStatus.Handler statuses, LapakText text, TicketLive live)
    {
        /// <summary>The open tickets linked to the incident that <paramref name="staff"/> may resolve, tracked.</summary>
        public Task<List<Ticket>> CandidatesAsync(ClaimsPrincipal staff, Guid incidentId)
        {
            var linked = db.Set<IncidentSubscription>().Where(s => s.IncidentId == incidentId && s.TicketId != null).Select(s => s.TicketId!.Value);
            return access.Visible(staff).Where(t => linked.Contains(t.Id) && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
                .OrderBy(t => t.Code).ToListAsync();
        }

        public async Task<(IReadOnlyList<string> Resolved, IncidentProblems Problems)> HandleAsync(ClaimsPrincipal staff, Incident incident, Command c)
        {
            var problems = new IncidentProblems();
            if (!TicketAccess.IsStaff(staff))
            {
                problems.Forbidden = text.Get("Only staff can declare and update incidents.");
                return ([], problems);
            }
            if (incident.State != IncidentState.Resolved)
            {
                problems.Conflict = text.Get("Resolve the incident first, then its linked tickets.");
                return ([], problems);
            }
            var codes = c.Codes.Select(TicketCode.Normalize).ToList();
            if (codes.Count == 0) problems.Add(nameof(Command.Codes), text.Get("Choose at least one ticket."));
            var candidates = (await CandidatesAsync(staff, incident.Id)).ToDictionary(t => t.Code);
            if (codes.Any(code => code is null || !candidates.ContainsKey(code)))
                problems.Add(nameof(Command.Codes), text.Get("Choose among the open tickets linked to this incident."));
            if (problems.Any) return ([], problems);

            var chosen = codes.Distinct().Select(code => candidates[code!]).ToList();
            foreach (var ticket in chosen)
                if (await statuses.ApplyAsync(staff, ticket, TicketStatus.Resolved) is { } refused)
                {
                    db.ChangeTracker.Clear();
                    problems.Conflict = $"{TicketCode.Display(ticket.Code)}: {refused}";
                    return ([], problems);
                }
            await db.SaveChangesAsync();
            foreach (var ticket in chosen) await live.TicketChangedAsync(ticket, publicChange: true);
            return ([.. chosen.Select(t => t.Code)], problems);
        }
    }
}
