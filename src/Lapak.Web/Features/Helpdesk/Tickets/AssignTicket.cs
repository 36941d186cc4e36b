using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// Staff working a ticket give it to an active member of its team (or take it themselves). Taking a ticket
/// away from someone needs a reason, kept in the history for staff. Supervisors and admins may also move it
/// to another team; its assignee is then cleared unless they pick a member of the new team. The new assignee
/// hears of it (in-app and e-mail).
/// </summary>
public static class AssignTicket
{
    public const int ReasonMaxLength = 500;

    public sealed class Command
    {
        /// <summary>Who should have the ticket afterwards; null: nobody (back to the queue).</summary>
        public Guid? AssigneeId { get; set; }

        /// <summary>Supervisors and admins: the team to move the ticket to; null keeps its team.</summary>
        public Guid? TeamId { get; set; }

        [StringLength(ReasonMaxLength, ErrorMessage = "The reason may be at most {1} characters.")]
        public string? Reason { get; set; }
    }

    /// <summary>A checked change, ready to apply.</summary>
    public sealed record Plan(Guid? AssigneeId, string? AssigneeName, LapakUser? Assignee, Guid? TeamId, bool MovesTeam, string? Reason);

    public sealed class Handler(LapakDbContext db, Notifier notifier, LapakText text, TicketLive live, TimeProvider clock,
        Sla.SlaClock sla)
    {
        public async Task<TicketProblems> HandleAsync(ClaimsPrincipal staff, Ticket ticket, Command c)
        {
            var problems = new TicketProblems();
            var plan = await CheckAsync(staff, ticket, c, problems);
            if (problems.Any || plan is null) return problems;
            var (formerTeam, formerAssignee) = (ticket.TeamId, ticket.AssigneeId);
            await ApplyAsync(staff, ticket, plan);
            if (plan.MovesTeam) await sla.ApplyAsync(ticket);
            if (!await SaveAsync(ticket, formerAssignee))
            {
                problems.Conflict = text.Get("Someone else changed the assignee meanwhile. Look again and retry.");
                return problems;
            }
            await live.TicketChangedAsync(ticket, publicChange: true, formerTeam);
            return problems;
        }

        /// <summary>
        /// Saves every tracked change, but only while the ticket still has the assignee it was read with: "take next"
        /// or another person assigning at the same moment makes this false (nothing saved, the tracked changes dropped).
        /// </summary>
        public async Task<bool> SaveAsync(Ticket ticket, Guid? readAssignee)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var claimed = await db.Set<Ticket>().Where(t => t.Id == ticket.Id && t.AssigneeId == readAssignee)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.AssigneeId, ticket.AssigneeId));
            if (claimed != 1)
            {
                await tx.RollbackAsync();
                db.ChangeTracker.Clear();
                return false;
            }
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return true;
        }

        /// <summary>Checks <paramref name="c"/> without changing anything; null when there is nothing to do (or it cannot be done).</summary>
        public async Task<Plan?> CheckAsync(ClaimsPrincipal staff, Ticket ticket, Command c, TicketProblems problems)
        {
            if (!TicketAccess.Works(staff, ticket))
            {
                problems.Forbidden = text.Get("Only staff working on the ticket can assign it.");
                return null;
            }
            var moves = c.TeamId is not null && c.TeamId != ticket.TeamId;
            if (moves && !TicketAccess.SeesAll(staff))
            {
                problems.Forbidden = text.Get("Only supervisors and admins can move a ticket to another team.");
                return null;
            }
            var teamId = moves ? c.TeamId : ticket.TeamId;
            if (moves && !await db.Set<Team>().AnyAsync(t => t.Id == c.TeamId))
                problems.Add(nameof(Command.TeamId), text.Get("Choose one of the teams."));

            var changes = c.AssigneeId != ticket.AssigneeId;
            LapakUser? assignee = null;
            if (c.AssigneeId is { } id && changes)
            {
                var me = staff.RequiredUserId();
                assignee = await db.Users.SingleOrDefaultAsync(u => u.Id == id && u.IsActive);
                var member = teamId is not null && await db.Set<TeamMember>().AnyAsync(m => m.TeamId == teamId && m.UserId == id);
                if (assignee is null || !(member || id == me))
                    problems.Add(nameof(Command.AssigneeId), text.Get("Choose an active member of the ticket's team."));
                else if (id == ticket.CustomerId)
                    problems.Add(nameof(Command.AssigneeId), text.Get("The customer of a ticket cannot be its assignee."));
            }
            if (!moves && !changes) return null;

            var reason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim();
            if (reason is null && (moves || ticket.AssigneeId is not null))
                problems.Add(nameof(Command.Reason), moves ? text.Get("Say why the ticket moves to another team.")
                    : text.Get("Say why the ticket is reassigned."));
            else if (reason?.Length > ReasonMaxLength)
                problems.Add(nameof(Command.Reason), string.Format(text.Get("The reason may be at most {1} characters."), null, ReasonMaxLength));
            if (ticket.IsClosed) problems.Conflict = text.Get("A closed ticket cannot be reassigned.");
            return problems.Any ? null : new Plan(c.AssigneeId, assignee?.FullName, assignee, teamId, moves, reason);
        }

        /// <summary>Applies a checked plan to the tracked ticket; the caller saves.</summary>
        public async Task ApplyAsync(ClaimsPrincipal staff, Ticket ticket, Plan plan)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var actor = new Actor(staff.RequiredUserId(), staff.DisplayName());
            if (plan.MovesTeam)
            {
                var names = await db.Set<Team>().Where(t => t.Id == ticket.TeamId || t.Id == plan.TeamId).ToDictionaryAsync(t => t.Id, t => t.Name);
                ticket.Record(TicketEventKind.TeamChanged, actor, now, ticket.TeamId is { } from ? names.GetValueOrDefault(from) : null,
                    names.GetValueOrDefault(plan.TeamId!.Value), plan.Reason);
                ticket.TeamId = plan.TeamId;
            }
            if (plan.AssigneeId != ticket.AssigneeId)
            {
                var former = ticket.AssigneeId is null ? null : await db.Users.Where(u => u.Id == ticket.AssigneeId).Select(u => u.FullName).SingleOrDefaultAsync();
                ticket.Record(TicketEventKind.Assigned, actor, now, former, plan.AssigneeName, plan.Reason);
                ticket.AssigneeId = plan.AssigneeId;
                if (plan.Assignee is { } assignee && assignee.Id != actor.Id) Notify(notifier, ticket, assignee, actor.Name);
            }
            ticket.UpdatedAt = now;
        }
    }

    /// <summary>Tells <paramref name="assignee"/> the ticket is theirs now (also used by round-robin).</summary>
    public static void Notify(Notifier notifier, Ticket ticket, LapakUser assignee, string by) =>
        notifier.Notify(assignee, HelpdeskNotifications.Assigned,
            new { code = TicketCode.Display(ticket.Code), subject = ticket.Subject, actor = by }, $"/helpdesk/tickets/{ticket.Code}");
}
