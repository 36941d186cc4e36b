using System.Collections.Concurrent;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Infrastructure.Realtime;

/// <summary>
/// The helpdesk's part of the hub: a ticket page joins its ticket's groups, queue and team pages join their
/// teams'. Each join goes through <see cref="TicketAccess"/>, so a connection only hears of tickets its user
/// may open, and only staff working a ticket are put where internal activity is announced.
/// </summary>
public sealed partial class LiveHub
{
    private const string SeatsKey = "helpdesk:tickets";

    private sealed record TicketSeat(Guid TicketId, bool Works);

    /// <summary>Joins the groups of the ticket with this code; false (and nothing joined) when the caller may not see it.</summary>
    public async Task<bool> JoinTicket(string code, TicketAccess access)
    {
        var user = Context.User!;
        var ticket = await access.FindAsync(user, code);
        if (ticket is null) return false;
        var works = TicketAccess.Works(user, ticket);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.TicketViewers(ticket.Id));
        await Groups.AddToGroupAsync(Context.ConnectionId, works ? LiveGroups.TicketStaff(ticket.Id) : LiveGroups.TicketCustomers(ticket.Id));
        Seats()[ticket.Code] = new TicketSeat(ticket.Id, works);
        return true;
    }

    /// <summary>
    /// "I am typing a reply" (the page sends it at most every few seconds). Staff working the ticket hear who;
    /// its customer only hears that an agent is replying, and nothing at all about an internal note.
    /// </summary>
    public async Task Typing(string code, bool internalNote)
    {
        var normalized = TicketCode.Normalize(code);
        if (normalized is null || !Seats().TryGetValue(normalized, out var seat)) return; // joined first, so access was checked
        if (internalNote && !seat.Works) return;
        var name = Context.User!.DisplayName();
        await Clients.OthersInGroup(LiveGroups.TicketStaff(seat.TicketId))
            .SendAsync(TicketLive.TypingEvent, new { code = normalized, name, staff = seat.Works, @internal = internalNote });
        if (seat.Works && !internalNote)
            await Clients.OthersInGroup(LiveGroups.TicketCustomers(seat.TicketId))
                .SendAsync(TicketLive.TypingEvent, new { code = normalized, name = (string?)null, staff = true, @internal = false });
    }

    /// <summary>Staff only: joins the queue groups of the caller's teams (every team for supervisors and admins).</summary>
    public async Task<bool> JoinQueue(LapakDbContext db)
    {
        var user = Context.User!;
        if (!TicketAccess.IsStaff(user)) return false;
        var me = user.RequiredUserId();
        var teams = await db.Set<TeamMember>().Where(m => m.UserId == me).Select(m => m.TeamId).ToListAsync();
        foreach (var team in teams) await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Team(team));
        if (TicketAccess.SeesAll(user)) await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.AllTeams);
        return true;
    }

    private ConcurrentDictionary<string, TicketSeat> Seats()
    {
        if (Context.Items.TryGetValue(SeatsKey, out var seats)) return (ConcurrentDictionary<string, TicketSeat>)seats!;
        var created = new ConcurrentDictionary<string, TicketSeat>();
        Context.Items[SeatsKey] = created;
        return created;
    }
}
