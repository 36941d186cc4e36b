using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Teams;

/// <summary>
/// Round-robin: with it on for a team, each new ticket of that team goes to the next active member after the
/// last one who got one (members in a fixed order, by id). The turn is claimed with a conditional update on the
/// team's settings row (only while it still points at the member we read), so two tickets arriving at once
/// never take the same turn: the slower one reads again and takes the next.
/// </summary>
public sealed class RoundRobin(LapakDbContext db, Notifier notifier)
{
    private const int Attempts = 20;

    /// <summary>Assigns the new, still unsaved <paramref name="ticket"/> when its team has round-robin on; the caller saves.</summary>
    public async Task AssignAsync(Ticket ticket, DateTime now)
    {
        if (ticket.TeamId is not { } teamId || ticket.AssigneeId is not null) return;
        var next = await ClaimTurnAsync(teamId, ticket.CustomerId, now);
        if (next is null) return;
        ticket.AssigneeId = next.Id;
        ticket.Record(TicketEventKind.Assigned, Actor.System, now, null, next.FullName);
        AssignTicket.Notify(notifier, ticket, next, Actor.System.Name);
    }

    private async Task<LapakUser?> ClaimTurnAsync(Guid teamId, Guid customerId, DateTime now)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var settings = await db.Set<HelpdeskTeamSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.TeamId == teamId);
            if (settings is not { RoundRobin: true }) return null;
            var members = await (from m in db.Set<TeamMember>() join u in db.Users on m.UserId equals u.Id
                                 where m.TeamId == teamId && u.IsActive && u.Id != customerId
                                 select u.Id).ToListAsync();
            if (members.Count == 0) return null;
            members.Sort(); // in memory: the databases order ids differently
            var last = settings.LastAssignedUserId;
            var next = last is { } l ? members.FirstOrDefault(id => id.CompareTo(l) > 0, members[0]) : members[0];

            var claimed = await db.Set<HelpdeskTeamSettings>()
                .Where(s => s.TeamId == teamId && s.RoundRobin && s.LastAssignedUserId == last)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastAssignedUserId, next).SetProperty(x => x.UpdatedAt, now));
            if (claimed == 1) return await db.Users.SingleAsync(u => u.Id == next);
            await Task.Delay(Random.Shared.Next(5, 25)); // someone took this turn: read the new one
        }
        return null; // very busy: the ticket waits in the queue like any other
    }
}
