using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
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
public sealed class HelpdeskDashboard(LapakDbContext db)
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
        var byStatus = await db.Set<Ticket>().GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count);
        var teams = await db.Set<Ticket>()
            .GroupBy(t => t.TeamId)
            .Select(g => new { TeamId = g.Key, Total = g.Count(), Active = g.Count(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed) })
            .ToListAsync();
        var names = await db.Set<Team>().ToDictionaryAsync(t => t.Id, t => t.Name);
        var byTeam = teams.Select(t => new TeamCount(t.TeamId, t.TeamId is { } id ? names.GetValueOrDefault(id) : null, t.Active, t.Total))
            .OrderByDescending(t => t.Active).ThenBy(t => t.Team ?? "\uffff").ToList();

        var lang = LapakCultures.Current;
        var newest = await (from t in db.Set<Ticket>()
                            join rt in db.Set<RequestType>() on t.RequestTypeId equals rt.Id
                            join c in db.Users on t.CustomerId equals c.Id
                            join tm in db.Set<Team>() on t.TeamId equals tm.Id into tms
                            from tm in tms.DefaultIfEmpty()
                            join a in db.Users on t.AssigneeId equals a.Id into assignees
                            from a in assignees.DefaultIfEmpty()
                            orderby t.CreatedAt descending, t.Id
                            select new { t.Code, t.Subject, rt.NameId, rt.NameEn, t.Status, t.Priority, Customer = c.FullName,
                                Team = tm == null ? null : tm.Name, Assignee = a == null ? null : a.FullName, t.CreatedAt, t.UpdatedAt })
            .Take(8).ToListAsync();

        return new DashboardFigures(agents, types,
            byStatus.Where(s => !Done.Contains(s.Key)).Sum(s => s.Value), byStatus.Where(s => Done.Contains(s.Key)).Sum(s => s.Value),
            byStatus, byTeam,
            newest.Select(r => new TicketSummary(r.Code, r.Subject, lang == "en" ? r.NameEn : r.NameId, r.Status, r.Priority, r.Customer,
                r.Team, r.Assignee, r.CreatedAt, r.UpdatedAt)).ToList());
    }
}
