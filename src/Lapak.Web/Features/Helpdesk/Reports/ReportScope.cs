using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Reports;

/// <summary>
/// Who may read reports and over which tickets: admins over all of them; supervisors over the tickets of the teams and
/// branches they belong to; nobody else (the page and the API answer 403).
/// </summary>
public sealed class ReportScope(LapakDbContext db)
{
    public static bool MayRead(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor);

    public static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    /// <summary>A cache key part: the same key means the same tickets.</summary>
    public static string Key(ClaimsPrincipal user) => SeesAll(user) ? "all" : user.RequiredUserId().ToString();

    public IQueryable<TicketReportFact> Facts(ClaimsPrincipal user, ReportFilter filter)
    {
        var facts = db.Set<TicketReportFact>().AsNoTracking();
        if (!SeesAll(user))
        {
            var me = user.RequiredUserId();
            var teams = db.Set<TeamMember>().Where(m => m.UserId == me).Select(m => m.TeamId);
            var branches = db.Set<BranchMember>().Where(m => m.UserId == me).Select(m => m.BranchId);
            facts = facts.Where(f => (f.TeamId != null && teams.Contains(f.TeamId.Value)) || (f.BranchId != null && branches.Contains(f.BranchId.Value)));
        }
        if (filter.TeamId is { } team) facts = facts.Where(f => f.TeamId == team);
        if (filter.BranchId is { } branch) facts = facts.Where(f => f.BranchId == branch);
        if (filter.TypeId is { } type) facts = facts.Where(f => f.RequestTypeId == type);
        return facts;
    }

    /// <summary>The teams and branches the filter lists offer: all for admins, their own for supervisors.</summary>
    public async Task<(List<(Guid Id, string Name)> Teams, List<(Guid Id, string Name)> Branches)> ChoicesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var teams = db.Set<Team>().AsNoTracking();
        var branches = db.Set<Branch>().AsNoTracking();
        if (!SeesAll(user))
        {
            var me = user.RequiredUserId();
            teams = teams.Where(t => db.Set<TeamMember>().Any(m => m.UserId == me && m.TeamId == t.Id));
            branches = branches.Where(b => db.Set<BranchMember>().Any(m => m.UserId == me && m.BranchId == b.Id));
        }
        var t = (await teams.OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)).ToList();
        var b = (await branches.OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name)).ToList();
        return (t, b);
    }
}
