using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Sla;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Escalations;

/// <summary>
/// A missed due time goes up by the same path an agent uses: to the supervisor of the ticket's team; failing that, to the
/// supervisor of its branch; failing that, it is still recorded against the team (with nobody to tell), so the breach is
/// never silent in the history.
/// </summary>
public sealed class SlaBreachEscalator(LapakDbContext db, EscalateTicket.Handler escalate, ILogger<SlaBreachEscalator> log) : ISlaBreachEscalator
{
    public async Task EscalateOnBreachAsync(Guid ticketId, SlaMeasure missed, DateTime now, CancellationToken ct)
    {
        var ticket = await db.Set<Ticket>().SingleOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || ticket.IsClosed) return;
        var due = (missed == SlaMeasure.FirstResponse ? ticket.FirstResponseDueAt : ticket.ResolutionDueAt) ?? now;
        var target = await TargetAsync(ticket, ct);
        if (target is null)
        {
            log.LogWarning("Ticket {Code} missed its {Measure} due time but has neither a team nor a branch to escalate to", ticket.Code, missed);
            return;
        }
        var outcome = await escalate.EscalateAutomaticallyAsync(ticket, new EscalateTicket.Command
        {
            Target = target, BranchId = ticket.BranchId, Reason = EscalationReason.ForBreach(missed, due),
        });
        if (outcome.Problems.Any)
            log.LogWarning("Automatic escalation of ticket {Code} failed: {Problems}", ticket.Code,
                string.Join("; ", outcome.Problems.Errors.SelectMany(e => e.Value).Append(outcome.Problems.Conflict ?? "")));
    }

    private async Task<EscalationTarget?> TargetAsync(Ticket ticket, CancellationToken ct)
    {
        if (ticket.TeamId is { } team && await (from m in db.Set<TeamMember>() join u in db.Users on m.UserId equals u.Id
                                                 where m.TeamId == team && m.IsSupervisor && u.IsActive select m).AnyAsync(ct))
            return EscalationTarget.TeamSupervisor;
        if (ticket.BranchId is { } branch && await (from m in db.Set<BranchMember>() join u in db.Users on m.UserId equals u.Id
                                                     where m.BranchId == branch && m.IsSupervisor && u.IsActive select m).AnyAsync(ct))
            return EscalationTarget.BranchSupervisor;
        return ticket.TeamId is null ? null : EscalationTarget.TeamSupervisor;
    }
}
