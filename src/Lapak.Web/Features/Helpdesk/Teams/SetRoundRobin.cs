using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Teams;

/// <summary>A team's supervisor (or an admin) turns round-robin assignment on or off for the team.</summary>
public static class SetRoundRobin
{
    public sealed record TeamRow(Guid Id, string Name, int ActiveMembers, bool RoundRobin);

    public sealed class Handler(LapakDbContext db, TimeProvider clock)
    {
        /// <summary>The teams <paramref name="user"/> may set: those they supervise, or all for admins.</summary>
        public IQueryable<Team> Manageable(ClaimsPrincipal user)
        {
            if (user.IsInRole(Roles.Admin)) return db.Set<Team>();
            var me = user.RequiredUserId();
            return db.Set<Team>().Where(t => db.Set<TeamMember>().Any(m => m.TeamId == t.Id && m.UserId == me && m.IsSupervisor));
        }

        public async Task<IReadOnlyList<TeamRow>> ListAsync(ClaimsPrincipal user) =>
            await Manageable(user).OrderBy(t => t.Name)
                .Select(t => new TeamRow(t.Id, t.Name,
                    db.Set<TeamMember>().Count(m => m.TeamId == t.Id && db.Users.Any(u => u.Id == m.UserId && u.IsActive)),
                    db.Set<HelpdeskTeamSettings>().Any(s => s.TeamId == t.Id && s.RoundRobin)))
                .ToListAsync();

        /// <summary>False when the team does not exist or <paramref name="user"/> may not set it.</summary>
        public async Task<bool> HandleAsync(ClaimsPrincipal user, Guid teamId, bool on)
        {
            if (!await Manageable(user).AnyAsync(t => t.Id == teamId)) return false;
            var settings = await db.Set<HelpdeskTeamSettings>().SingleOrDefaultAsync(s => s.TeamId == teamId);
            if (settings is null) db.Add(settings = new HelpdeskTeamSettings { TeamId = teamId });
            settings.RoundRobin = on;
            settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
            return true;
        }
    }
}
