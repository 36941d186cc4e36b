using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// "Take next" (seed 002's FIFO): the agent gets the unassigned ticket of their teams with the highest
/// priority, oldest first. Each ticket is claimed with a conditional update (only while it has no assignee),
/// so when many agents press at the same moment every ticket gets exactly one owner and nobody gets two.
/// </summary>
public static class TakeNextTicket
{
    public sealed class Handler(LapakDbContext db, TicketQueries queries, TicketLive live, TimeProvider clock)
    {
        /// <summary>The ticket now assigned to <paramref name="agent"/>, or null when their queue is empty.</summary>
        public async Task<Ticket?> HandleAsync(ClaimsPrincipal agent)
        {
            var me = agent.RequiredUserId();
            while (true)
            {
                // A handful of candidates per round: when others take them first, the next ones are tried.
                var candidates = await queries.Queue(me).Select(t => t.Id).Take(10).ToListAsync();
                if (candidates.Count == 0) return null;
                foreach (var id in candidates)
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    await using var tx = await db.Database.BeginTransactionAsync();
                    var claimed = await db.Set<Ticket>().Where(t => t.Id == id && t.AssigneeId == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(t => t.AssigneeId, me).SetProperty(t => t.UpdatedAt, now));
                    if (claimed != 1) continue; // someone else was faster
                    var ticket = await db.Set<Ticket>().SingleAsync(t => t.Id == id);
                    ticket.Record(TicketEventKind.Assigned, new Actor(me, agent.DisplayName()), now, null, agent.DisplayName());
                    if (ticket.Status == TicketStatus.New) ticket.MoveTo(TicketStatus.Open, new Actor(me, agent.DisplayName()), now);
                    await db.SaveChangesAsync();
                    await tx.CommitAsync();
                    await live.TicketChangedAsync(ticket, publicChange: true);
                    return ticket;
                }
            }
        }
    }
}
