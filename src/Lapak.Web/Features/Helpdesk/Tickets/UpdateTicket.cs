using System.Security.Claims;
using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// Several changes to a ticket at once (the API's PATCH): details, priority, type, assignment and status, with
/// the same rules as each on its own. Everything is checked first and applied in one save, so a request with
/// one bad part changes nothing.
/// </summary>
public static class UpdateTicket
{
    /// <summary>A null property stays as it is. Giving <see cref="TeamId"/> without <see cref="AssigneeId"/> clears the assignee.</summary>
    public sealed class Command
    {
        public TicketStatus? Status { get; set; }
        public TicketPriority? Priority { get; set; }
        public Guid? AssigneeId { get; set; }
        public Guid? TeamId { get; set; }
        public Guid? RequestTypeId { get; set; }
        public string? Subject { get; set; }
        public string? Description { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Handler(LapakDbContext db, EditTicket.Handler edit, AssignTicket.Handler assign, ChangeTicketStatus.Handler statuses,
        LapakText text, TicketLive live)
    {
        public async Task<TicketProblems> HandleAsync(ClaimsPrincipal staff, Ticket ticket, Command c)
        {
            var problems = new TicketProblems();
            if (!TicketAccess.Works(staff, ticket))
            {
                problems.Forbidden = text.Get("Only staff working on the ticket can change it.");
                return problems;
            }
            var edits = await edit.CheckAsync(staff, ticket,
                new EditTicket.Command { Subject = c.Subject, Description = c.Description, RequestTypeId = c.RequestTypeId, Priority = c.Priority }, problems);
            AssignTicket.Plan? assignment = null;
            if (c.AssigneeId is not null || c.TeamId is not null)
            {
                var moves = c.TeamId is not null && c.TeamId != ticket.TeamId;
                assignment = await assign.CheckAsync(staff, ticket,
                    new AssignTicket.Command { AssigneeId = c.AssigneeId ?? (moves ? null : ticket.AssigneeId), TeamId = c.TeamId, Reason = c.Reason }, problems);
            }
            if (c.Status is { } to && to != ticket.Status && !ticket.CanMoveTo(to))
                problems.Conflict ??= string.Format(text.Get("A ticket cannot go from {0} to {1}."),
                    TicketLabels.Status(ticket.Status, text), TicketLabels.Status(to, text));
            if (problems.Any) return problems;

            var formerTeam = ticket.TeamId;
            if (edits is not null) edit.Apply(staff, ticket, edits);
            if (assignment is not null) await assign.ApplyAsync(staff, ticket, assignment);
            if (c.Status is { } status) await statuses.ApplyAsync(staff, ticket, status);
            await db.SaveChangesAsync();
            await live.TicketChangedAsync(ticket, publicChange: true, formerTeam);
            return problems;
        }
    }
}
