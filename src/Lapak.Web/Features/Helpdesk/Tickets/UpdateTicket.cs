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
    /// <summary>
    /// A null property stays as it is. Giving <see cref="TeamId"/> without <see cref="AssigneeId"/> clears the assignee;
    /// <see cref="Unassign"/> sends the ticket back to the queue.
    /// </summary>
    public sealed class Command
    {
        public TicketStatus? Status { get; set; }
        public TicketPriority? Priority { get; set; }
        public Guid? AssigneeId { get; set; }
        /// <summary>True: nobody has the ticket afterwards (back to the queue; a reason is needed).</summary>
        public bool Unassign { get; set; }
        public Guid? TeamId { get; set; }
        public Guid? RequestTypeId { get; set; }
        public string? Subject { get; set; }
        public string? Description { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Handler(LapakDbContext db, EditTicket.Handler edit, AssignTicket.Handler assign, ChangeTicketStatus.Handler statuses,
        LapakText text, TicketLive live, Sla.SlaClock sla)
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
            if (c.Unassign && c.AssigneeId is not null)
                problems.Add(nameof(Command.Unassign), text.Get("Give either an assignee or unassign, not both."));
            else if (c.AssigneeId is not null || c.TeamId is not null || c.Unassign)
            {
                var moves = c.TeamId is not null && c.TeamId != ticket.TeamId;
                var assignee = c.Unassign ? null : c.AssigneeId ?? (moves ? null : ticket.AssigneeId);
                assignment = await assign.CheckAsync(staff, ticket,
                    new AssignTicket.Command { AssigneeId = assignee, TeamId = c.TeamId, Reason = c.Reason }, problems);
            }
            if (c.Status is { } to && to != ticket.Status && !ticket.CanMoveTo(to))
                problems.Conflict ??= string.Format(text.Get("A ticket cannot go from {0} to {1}."),
                    TicketLabels.Status(ticket.Status, text), TicketLabels.Status(to, text));
            if (problems.Any) return problems;

            var (formerTeam, formerAssignee) = (ticket.TeamId, ticket.AssigneeId);
            if (edits is not null) edit.Apply(staff, ticket, edits);
            if (assignment is not null) await assign.ApplyAsync(staff, ticket, assignment);
            if (c.Status is { } status) await statuses.ApplyAsync(staff, ticket, status);
            await sla.ApplyAsync(ticket);
            if (assignment is null) await db.SaveChangesAsync();
            else if (!await assign.SaveAsync(ticket, formerAssignee))
            {
                problems.Conflict = text.Get("Someone else changed the assignee meanwhile. Look again and retry.");
                return problems;
            }
            await live.TicketChangedAsync(ticket, publicChange: true, formerTeam);
            return problems;
        }
    }
}
