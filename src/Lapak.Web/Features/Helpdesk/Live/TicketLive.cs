using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace Lapak.Web.Features.Helpdesk.Live;

/// <summary>
/// Tells open ticket, queue and team pages that something changed, after the change is committed. Call it
/// from a use case right after <c>SaveChangesAsync</c>:
/// <code>await live.TicketChangedAsync(ticket, publicChange: true);</code>
/// <para><paramref name="publicChange"/> false (an internal note, anything only staff may see) reaches the staff
/// working the ticket and nobody else. The push carries only the ticket code: pages fetch what they show again
/// through their own access rules, so nothing private travels over the hub.</para>
/// A failed push is logged and swallowed: the change is saved, and the next reload shows it anyway.
/// </summary>
public sealed class TicketLive(IHubContext<LiveHub> hub, TicketTotalsCache totals, ILogger<TicketLive> log)
{
    /// <summary>The event a ticket page receives: <c>{ code }</c>.</summary>
    public const string TicketEvent = "ticket:changed";
    /// <summary>The event queue and team pages receive: <c>{ code }</c>.</summary>
    public const string QueueEvent = "queue:changed";
    /// <summary>Someone is typing a reply: <c>{ code, name, staff, internal }</c> (name null for customers' eyes).</summary>
    public const string TypingEvent = "ticket:typing";

    /// <param name="formerTeamId">The team the ticket just left, if it moved, so that team's queue drops it too.</param>
    public async Task TicketChangedAsync(Ticket ticket, bool publicChange, Guid? formerTeamId = null)
    {
        totals.Invalidate();
        try
        {
            var payload = new { code = ticket.Code };
            await hub.Clients.Group(publicChange ? LiveGroups.TicketViewers(ticket.Id) : LiveGroups.TicketStaff(ticket.Id))
                .SendAsync(TicketEvent, payload);
            var teams = new List<string> { LiveGroups.AllTeams };
            if (ticket.TeamId is { } team) teams.Add(LiveGroups.Team(team));
            if (formerTeamId is { } former && former != ticket.TeamId) teams.Add(LiveGroups.Team(former));
            await hub.Clients.Groups(teams).SendAsync(QueueEvent, payload);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Live update of ticket {Code} not sent", ticket.Code);
        }
    }
}

/// <summary>The hub groups of the helpdesk. A customer's connection is only ever in <see cref="TicketViewers"/> and <see cref="TicketCustomers"/>.</summary>
public static class LiveGroups
{
    /// <summary>Everyone who may see the ticket: public changes.</summary>
    public static string TicketViewers(Guid ticketId) => $"ticket:{ticketId:N}:viewers";
    /// <summary>Staff working the ticket: internal notes, and typing with names.</summary>
    public static string TicketStaff(Guid ticketId) => $"ticket:{ticketId:N}:staff";
    /// <summary>Viewers who do not work the ticket (its customer): only "an agent is replying".</summary>
    public static string TicketCustomers(Guid ticketId) => $"ticket:{ticketId:N}:customers";
    /// <summary>Queue and team pages of the team's members.</summary>
    public static string Team(Guid teamId) => $"helpdesk-team:{teamId:N}";
    /// <summary>Team pages of supervisors and admins, who see every team.</summary>
    public const string AllTeams = "helpdesk-team:all";
}
