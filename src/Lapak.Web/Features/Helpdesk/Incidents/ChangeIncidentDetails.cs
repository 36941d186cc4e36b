using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Web.Features.Helpdesk.Incidents;

/// <summary>
/// Staff correct an incident's title, area, impact or technician (a field left out keeps its value; all or nothing).
/// A new technician hears they were put on it. Customers are not notified: only updates reach them.
/// </summary>
public static class ChangeIncidentDetails
{
    public sealed class Command : IIncidentFields
    {
        public string? Title { get; set; }
        public string? Area { get; set; }
        public string? Impact { get; set; }
        public Guid? TechnicianId { get; set; }
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
            var title = c.Title is null ? incident.Title : rules.Title(c.Title, problems);
            var area = c.Area is null ? incident.Area : rules.Area(c.Area, problems);
            var impact = c.Impact is null ? incident.Impact : rules.Impact(c.Impact, problems);
            var technician = c.TechnicianId is null || c.TechnicianId == incident.TechnicianId
                ? null : await rules.TechnicianAsync(c.TechnicianId, required: false, problems);
            if (problems.Any) return problems;

            incident.Title = title!;
            incident.Area = area!;
            incident.Impact = impact!.Value;
            var me = staff.RequiredUserId();
            if (technician is not null)
            {
                incident.TechnicianId = technician.Id;
                if (technician.Id != me) IncidentNotifications.NotifyTechnician(notifier, technician, incident, staff.DisplayName());
            }
            incident.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
            await live.IncidentChangedAsync(incident.Id);
            return problems;
        }
    }
}
