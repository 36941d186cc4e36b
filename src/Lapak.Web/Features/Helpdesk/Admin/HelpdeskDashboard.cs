using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Admin;

public sealed record TeamCount(Guid? TeamId, string? Team, int Active, int Total);

public sealed record DashboardFigures(int Agents, int RequestTypes, int ActiveTickets, int ResolvedTickets,
    IReadOnlyDictionary<TicketStatus, int> ByStatus, IReadOnlyList<TeamCount> ByTeam, IReadOnlyList<TicketSummary> Newest);

/// <summary>
/// Seed 001's admin dashboard: how many agents and request types there are, how many tickets are still being worked
/// (not resolved or closed) and how many are done (resolved or closed), per status and per team, and the newest tickets.
/// Deleted tickets count nowhere.
/// </summary>
public sealed class HelpdeskDashboard(LapakDbContext db, TicketQueries queries, TicketTotalsCache counts)
{
    public static readonly TicketStatus[] Done = [TicketStatus.Resolved, TicketStatus.Closed];

    public async Task<DashboardFigures> LoadAsync()
    {
        var agents = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            join u in db.Users on ur.UserId equals u.Id
                            where r.Name == Roles.Agent && u.IsActive
                            select u.Id).Distinct().CountAsync();
        var types = await db.Set<RequestType>().CountAsync(t => t.IsActive);
        // Counting every ticket takes long on a large helpdesk: kept like the lists' totals, recounted after any change.
        var byStatus = await counts.GetOrCountAsync("dashboard|status", () => db.Set<Ticket>().GroupBy(t => t.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count));
        var teams = await counts.GetOrCountAsync("dashboard|teams", () => db.Set<Ticket>()
            .GroupBy(t => t.TeamId)
            .Select(g => new TeamCount(g.Key, null, g.Count(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed), g.Count()))
            .ToListAsync());
        var names = await db.Set<Team>().ToDictionaryAsync(t => t.Id, t => t.Name);
        var byTeam = teams.Select(t => t with { Team = t.TeamId is { } id ? names.GetValueOrDefault(id) : null })
            .OrderByDescending(t => t.Active).ThenBy(t => t.Team ?? "\uffff").ToList();
        var newest = await queries.SummariesAsync(
            await db.Set<Ticket>().OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id).Select(t => t.Id).Take(8).ToListAsync());

        return new DashboardFigures(agents, types,
            byStatus.Where(s => !Done.Contains(s.Key)).Sum(s => s.Value), byStatus.Where(s => Done.Contains(s.Key)).Sum(s => s.Value),
            byStatus, byTeam, newest);
    }
}
