using System.Security.Claims;
using Lapak.Web.Features.Helpdesk.Tickets;

namespace Lapak.Web.Features.Helpdesk.Incidents;

/// <summary>
/// "Mark as public incident" on a ticket the agent works: the form starts from the ticket's subject and description,
/// and declaring it links the ticket (its customer follows the incident with it; the ticket's history says so).
/// </summary>
public static class MarkTicketAsIncident
{
    /// <summary>The declaration form, filled from the ticket; the agent still picks the area and technician.</summary>
    public static DeclareIncident.Command Prefill(Ticket ticket, Guid? technicianId) => new()
    {
        Title = Cut(ticket.Subject, Incident.TitleMaxLength),
        Message = Cut(ticket.Description, IncidentUpdate.MessageMaxLength),
        Impact = nameof(IncidentImpact.Major),
        TechnicianId = technicianId,
        SourceTicketCode = ticket.Code,
    };

    public sealed class Handler(DeclareIncident.Handler declare)
    {
        public Task<(Incident? Incident, IncidentProblems Problems)> HandleAsync(ClaimsPrincipal staff, Ticket ticket, DeclareIncident.Command c)
        {
            c.SourceTicketCode = ticket.Code;
            return declare.HandleAsync(staff, c);
        }
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..(max - 1)].TrimEnd() + "…";
}
