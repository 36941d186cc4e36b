using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Lapak.Web.Infrastructure.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Escalations;

/// <summary>
/// Seed 002's "eskalasi ticket": staff working a ticket hand it up to the supervisor of its team or of a branch, or across
/// to another team or branch, always with a reason. The receiving side hears of it in-app, by e-mail and live; the history
/// and the ticket's escalation list keep it. A "needs approval" ticket sent to a branch supervisor waits for their decision.
/// The SLA runner escalates through the same path (<see cref="Handler.EscalateAutomaticallyAsync"/>), recorded as automatic.
/// </summary>
public static class EscalateTicket
{
    /// <summary>The event a supervisor's pages receive on their user group when something lands on their desk: <c>{ code }</c>.</summary>
    public const string SupervisorEvent = "supervisor:changed";

    public sealed class Command
    {
        public EscalationTarget? Target { get; set; }
        /// <summary>The team to hand the ticket to (<see cref="EscalationTarget.Team"/>).</summary>
        public Guid? TeamId { get; set; }
        /// <summary>The branch (<see cref="EscalationTarget.Branch"/>, <see cref="EscalationTarget.BranchSupervisor"/>; the ticket's own branch when empty).</summary>
        public Guid? BranchId { get; set; }
        public string? Reason { get; set; }
    }

    public sealed record Outcome(TicketProblems Problems, TicketEscalation? Escalation);

    /// <summary>A checked escalation: who receives it and what changes on the ticket.</summary>
    private sealed record Plan(EscalationTarget Target, string Display, Guid? ToTeamId, Guid? ToBranchId, LapakUser? Supervisor,
        IReadOnlyList<LapakUser> Receivers, Guid? MoveToTeam, bool RequestsApproval);

    public sealed class Handler(LapakDbContext db, Notifier notifier, LapakText text, TicketLive live, TimeProvider clock,
        AssignTicket.Handler assign, ChangeTicketStatus.Handler statuses, IHubContext<LiveHub> hub, Sla.SlaClock sla, ILogger<Handler> log)
    {
        public async Task<Outcome> HandleAsync(ClaimsPrincipal staff, Ticket ticket, Command c)
        {
            if (!TicketAccess.Works(staff, ticket))
                return new Outcome(new TicketProblems { Forbidden = text.Get("Only staff working on the ticket can escalate it.") }, null);
            return await EscalateAsync(new Actor(staff.RequiredUserId(), staff.DisplayName()), staff, ticket, c, automatic: false);
        }

        /// <summary>The SLA runner's escalation: by Lapak itself, never moving the ticket between teams or asking for approval.</summary>
        public Task<Outcome> EscalateAutomaticallyAsync(Ticket ticket, Command c) => EscalateAsync(Actor.System, null, ticket, c, automatic: true);

        private async Task<Outcome> EscalateAsync(Actor actor, ClaimsPrincipal? staff, Ticket ticket, Command c, bool automatic)
        {
            var problems = new TicketProblems();
            var reason = c.Reason?.Trim();
            if (string.IsNullOrEmpty(reason)) problems.Add(nameof(Command.Reason), text.Get("Say why the ticket is escalated."));
            else if (reason.Length > TicketEscalation.ReasonMaxLength)
                problems.Add(nameof(Command.Reason), string.Format(text.Get("The reason may be at most {1} characters."), null, TicketEscalation.ReasonMaxLength));
            var plan = await PlanAsync(ticket, c, automatic, problems);
            if (ticket.IsClosed) problems.Conflict = text.Get("A closed ticket cannot be escalated.");
            if (problems.Any || plan is null) return new Outcome(problems, null);

            var now = clock.GetUtcNow().UtcDateTime;
            var (formerTeam, formerAssignee) = (ticket.TeamId, ticket.AssigneeId);
            if (plan.MoveToTeam is { } team)
                await assign.ApplyAsync(staff!, ticket, new AssignTicket.Plan(null, null, null, team, MovesTeam: true, reason));
            if (plan.ToBranchId is { } branch && ticket.BranchId != branch)
            {
                ticket.BranchId = branch;
                await sla.ApplyAsync(ticket, now); // the branch's calendar may differ from the one the due times came from
            }
            ticket.EscalatedAt = now;
            ticket.UpdatedAt = now;
            ticket.Record(TicketEventKind.Escalated, actor, now, automatic ? TicketEvent.AutomaticEscalation : null, Cut(plan.Display, 200), reason);
            var escalation = new TicketEscalation
            {
                TicketId = ticket.Id, At = now, Automatic = automatic, Target = plan.Target, ById = actor.Id, ByName = actor.Name, Reason = reason!,
                FromTeamId = formerTeam, ToTeamId = plan.ToTeamId, ToBranchId = plan.ToBranchId, ToUserId = plan.Supervisor?.Id,
            };
            db.Add(escalation);
            if (plan.RequestsApproval)
            {
                // Checked in the plan, so the shared status path cannot refuse here; it also tells the customer.
                await statuses.ApplyAsync(staff!, ticket, TicketStatus.AwaitingApproval);
                ticket.Record(TicketEventKind.ApprovalRequested, actor, now, null, Cut(plan.Supervisor!.FullName, 200));
            }
            foreach (var receiver in plan.Receivers.Where(r => r.Id != actor.Id && r.Id != ticket.CustomerId))
                notifier.Notify(receiver, plan.RequestsApproval ? EscalationNotifications.ApprovalRequested : EscalationNotifications.Escalated, new
                {
                    code = TicketCode.Display(ticket.Code), subject = ticket.Subject, actor = actor.Name, target = plan.Display,
                    reason = EscalationReason.Readable(reason, text, receiver.PreferredLanguage),
                }, $"/helpdesk/tickets/{ticket.Code}");

            if (staff is not null)
            {
                if (!await assign.SaveAsync(ticket, formerAssignee))
                {
                    problems.Conflict = text.Get("Someone else changed the assignee meanwhile. Look again and retry.");
                    return new Outcome(problems, null);
                }
            }
            else await db.SaveChangesAsync();

            await live.TicketChangedAsync(ticket, publicChange: true, formerTeam);
            await TellDesksAsync(ticket, plan.Receivers.Select(r => r.Id));
            return new Outcome(problems, escalation);
        }

        private async Task<Plan?> PlanAsync(Ticket ticket, Command c, bool automatic, TicketProblems problems)
        {
            switch (c.Target)
            {
                case EscalationTarget.TeamSupervisor:
                {
                    if (ticket.TeamId is not { } teamId)
                    {
                        problems.Add(nameof(Command.Target), text.Get("The ticket has no team yet, so there is no team supervisor to escalate to."));
                        return null;
                    }
                    var teamName = await db.Set<Team>().Where(t => t.Id == teamId).Select(t => t.Name).SingleAsync();
                    var supervisors = await (from m in db.Set<TeamMember>() join u in db.Users on m.UserId equals u.Id
                                             where m.TeamId == teamId && m.IsSupervisor && u.IsActive orderby u.FullName select u).ToListAsync();
                    if (supervisors.Count == 0)
                    {
                        if (automatic) return new Plan(EscalationTarget.TeamSupervisor, teamName, teamId, null, null, [], null, false);
                        problems.Add(nameof(Command.Target), string.Format(text.Get("Team {0} has no supervisor."), teamName));
                        return null;
                    }
                    return new Plan(EscalationTarget.TeamSupervisor, $"{supervisors[0].FullName} ({teamName})", teamId, null, supervisors[0], supervisors, null, false);
                }
                case EscalationTarget.BranchSupervisor:
                {
                    var branch = await BranchAsync(c.BranchId ?? ticket.BranchId, problems);
                    if (branch is null) return null;
                    var supervisors = await (from m in db.Set<BranchMember>() join u in db.Users on m.UserId equals u.Id
                                             where m.BranchId == branch.Id && m.IsSupervisor && u.IsActive orderby u.FullName select u).ToListAsync();
                    if (supervisors.Count == 0)
                    {
                        problems.Add(nameof(Command.BranchId), string.Format(text.Get("Branch {0} has no supervisor."), branch.Name));
                        return null;
                    }
                    var approval = !automatic && await db.Set<RequestType>().AnyAsync(t => t.Id == ticket.RequestTypeId && t.NeedsApproval);
                    if (approval && ticket.Status == TicketStatus.AwaitingApproval)
                        problems.Conflict = text.Get("The ticket is already awaiting approval.");
                    else if (approval && ticket.Status == TicketStatus.PendingCustomer)
                        problems.Conflict = text.Get("The ticket is waiting on the customer. Once they have sent what is missing, open it again and ask for approval.");
                    else if (approval && !ticket.CanMoveTo(TicketStatus.AwaitingApproval))
                        problems.Conflict = string.Format(text.Get("A ticket cannot go from {0} to {1}."), TicketLabels.Status(ticket.Status, text),
                            TicketLabels.Status(TicketStatus.AwaitingApproval, text));
                    return new Plan(EscalationTarget.BranchSupervisor, $"{supervisors[0].FullName} ({branch.Name})", null, branch.Id, supervisors[0], supervisors,
                        null, approval);
                }
                case EscalationTarget.Team when !automatic:
                {
                    if (c.TeamId is not { } teamId)
                    {
                        problems.Add(nameof(Command.TeamId), text.Get("Choose a team."));
                        return null;
                    }
                    var team = await db.Set<Team>().SingleOrDefaultAsync(t => t.Id == teamId);
                    if (team is null) problems.Add(nameof(Command.TeamId), text.Get("Choose one of the teams."));
                    else if (team.Id == ticket.TeamId) problems.Add(nameof(Command.TeamId), text.Get("The ticket is already with this team."));
                    if (team is null || problems.Any) return null;
                    return new Plan(EscalationTarget.Team, team.Name, team.Id, null, null, await TeamMembersAsync(team.Id), team.Id, false);
                }
                case EscalationTarget.Branch when !automatic:
                {
                    if (c.BranchId is null)
                    {
                        problems.Add(nameof(Command.BranchId), text.Get("Choose a branch."));
                        return null;
                    }
                    var branch = await BranchAsync(c.BranchId, problems);
                    if (branch is null) return null;
                    var team = await db.Set<Team>().Where(t => t.BranchId == branch.Id).OrderBy(t => t.Name).FirstOrDefaultAsync();
                    if (ticket.BranchId == branch.Id && (team is null || team.Id == ticket.TeamId))
                    {
                        problems.Add(nameof(Command.BranchId), text.Get("The ticket is already with this branch."));
                        return null;
                    }
                    var receivers = await (from m in db.Set<BranchMember>() join u in db.Users on m.UserId equals u.Id
                                           where m.BranchId == branch.Id && u.IsActive orderby m.IsSupervisor descending, u.FullName select u).ToListAsync();
                    return new Plan(EscalationTarget.Branch, branch.Name, team?.Id, branch.Id, null, receivers,
                        team is not null && team.Id != ticket.TeamId ? team.Id : null, false);
                }
                default:
                    problems.Add(nameof(Command.Target), text.Get("Choose where the ticket goes."));
                    return null;
            }
        }

        private async Task<Branch?> BranchAsync(Guid? id, TicketProblems problems)
        {
            if (id is null)
            {
                problems.Add(nameof(Command.BranchId), text.Get("Choose a branch."));
                return null;
            }
            var branch = await db.Set<Branch>().SingleOrDefaultAsync(b => b.Id == id);
            if (branch is null) problems.Add(nameof(Command.BranchId), text.Get("Choose one of the branches."));
            return branch;
        }

        private Task<List<LapakUser>> TeamMembersAsync(Guid teamId) =>
            (from m in db.Set<TeamMember>() join u in db.Users on m.UserId equals u.Id
             where m.TeamId == teamId && u.IsActive orderby m.IsSupervisor descending, u.FullName select u).ToListAsync();

        /// <summary>Refreshes the supervisor dashboards of the people who received the ticket; a failed push only costs a reload.</summary>
        private async Task TellDesksAsync(Ticket ticket, IEnumerable<Guid> users)
        {
            var groups = users.Distinct().Select(LiveHub.UserGroup).ToList();
            if (groups.Count == 0) return;
            try { await hub.Clients.Groups(groups).SendAsync(SupervisorEvent, new { code = ticket.Code }); }
            catch (Exception e) { log.LogWarning(e, "Live update of supervisor desks for {Code} not sent", ticket.Code); }
        }

        private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
    }
}
