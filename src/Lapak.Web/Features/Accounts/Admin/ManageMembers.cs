using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary>
/// Who works in which team and branch. Members are staff (agents, supervisors, admins); each team and
/// branch has at most one supervisor, who receives its escalations, and that person holds the
/// Supervisor or Admin role. Entries are recorded against the user, so their page shows where they work.
/// </summary>
public static class ManageMembers
{
    public sealed class Handler(LapakDbContext db, ActivityLog activity, LapakText text)
    {
        private static readonly string[] Leads = [Roles.Supervisor, Roles.Admin];

        public async Task<Outcome> AddToTeamAsync(Guid teamId, Guid userId, bool supervisor)
        {
            var team = await db.Set<Team>().SingleOrDefaultAsync(t => t.Id == teamId);
            if (team is null) return Outcome.NotFound();
            var (user, problem) = await CheckAsync(userId, supervisor, text.Get("Only staff (agents, supervisors and admins) can join a team."));
            if (problem is not null) return problem;
            if (await db.Set<TeamMember>().AnyAsync(m => m.TeamId == teamId && m.UserId == userId))
                return Outcome.Invalid("User", string.Format(text.Get("{0} is already a member."), user!.FullName));
            if (supervisor) await ClearTeamSupervisorAsync(teamId);
            db.Add(new TeamMember { TeamId = teamId, UserId = userId, IsSupervisor = supervisor });
            activity.Record("team.member_added", "user", userId.ToString(), detail: team.Name);
            if (supervisor) activity.Record("team.supervisor_set", "user", userId.ToString(), detail: team.Name);
            await db.SaveChangesAsync();
            return Outcome.Done(userId);
        }

        public async Task<Outcome> RemoveFromTeamAsync(Guid teamId, Guid userId)
        {
            var team = await db.Set<Team>().SingleOrDefaultAsync(t => t.Id == teamId);
            var member = await db.Set<TeamMember>().SingleOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId);
            if (team is null || member is null) return Outcome.NotFound();
            db.Remove(member);
            activity.Record("team.member_removed", "user", userId.ToString(), detail: team.Name);
            await db.SaveChangesAsync();
            return Outcome.Done(userId);
        }

        /// <summary>Makes the member the team's supervisor (the previous one steps down), or steps them down.</summary>
        public async Task<Outcome> SetTeamSupervisorAsync(Guid teamId, Guid userId, bool supervisor)
        {
            var team = await db.Set<Team>().SingleOrDefaultAsync(t => t.Id == teamId);
            var member = await db.Set<TeamMember>().SingleOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId);
            if (team is null || member is null) return Outcome.NotFound();
            if (member.IsSupervisor == supervisor) return Outcome.Done(userId);
            if (supervisor)
            {
                var (_, problem) = await CheckAsync(userId, true, "");
                if (problem is not null) return problem;
                await ClearTeamSupervisorAsync(teamId);
            }
            member.IsSupervisor = supervisor;
            activity.Record(supervisor ? "team.supervisor_set" : "team.supervisor_unset", "user", userId.ToString(), detail: team.Name);
            await db.SaveChangesAsync();
            return Outcome.Done(userId);
        }

        public async Task<Outcome> AddToBranchAsync(Guid branchId, Guid userId, bool supervisor)
        {
            var branch = await db.Set<Branch>().SingleOrDefaultAsync(b => b.Id == branchId);
            if (branch is null) return Outcome.NotFound();
            var (user, problem) = await CheckAsync(userId, supervisor, text.Get("Only staff (agents, supervisors and admins) can join a branch."));
            if (problem is not null) return problem;
            if (await db.Set<BranchMember>().AnyAsync(m => m.BranchId == branchId && m.UserId == userId))
                return Outcome.Invalid("User", string.Format(text.Get("{0} is already a member."), user!.FullName));
            if (supervisor) await ClearBranchSupervisorAsync(branchId);
            db.Add(new BranchMember { BranchId = branchId, UserId = userId, IsSupervisor = supervisor });
            activity.Record("branch.member_added", "user", userId.ToString(), detail: branch.Name);
            if (supervisor) activity.Record("branch.supervisor_set", "user", userId.ToString(), detail: branch.Name);
            await db.SaveChangesAsync();
            return Outcome.Done(userId);
        }

        public async Task<Outcome> RemoveFromBranchAsync(Guid branchId, Guid userId)
        {
            var branch = await db.Set<Branch>().SingleOrDefaultAsync(b => b.Id == branchId);
            var member = await db.Set<BranchMember>().SingleOrDefaultAsync(m => m.BranchId == branchId && m.UserId == userId);
            if (branch is null || member is null) return Outcome.NotFound();
            db.Remove(member);
            activity.Record("branch.member_removed", "user", userId.ToString(), detail: branch.Name);
            await db.SaveChangesAsync();
            return Outcome.Done(userId);
        }

        public async Task<Outcome> SetBranchSupervisorAsync(Guid branchId, Guid userId, bool supervisor)
        {
            var branch = await db.Set<Branch>().SingleOrDefaultAsync(b => b.Id == branchId);
            var member = await db.Set<BranchMember>().SingleOrDefaultAsync(m => m.BranchId == branchId && m.UserId == userId);
            if (branch is null || member is null) return Outcome.NotFound();
            if (member.IsSupervisor == supervisor) return Outcome.Done(userId);
            if (supervisor)
            {
                var (_, problem) = await CheckAsync(userId, true, "");
                if (problem is not null) return problem;
                await ClearBranchSupervisorAsync(branchId);
            }
            member.IsSupervisor = supervisor;
            activity.Record(supervisor ? "branch.supervisor_set" : "branch.supervisor_unset", "user", userId.ToString(), detail: branch.Name);
            await db.SaveChangesAsync();
            return Outcome.Done(userId);
        }

        private async Task ClearTeamSupervisorAsync(Guid teamId)
        {
            foreach (var m in await db.Set<TeamMember>().Where(m => m.TeamId == teamId && m.IsSupervisor).ToListAsync())
                m.IsSupervisor = false;
        }

        private async Task ClearBranchSupervisorAsync(Guid branchId)
        {
            foreach (var m in await db.Set<BranchMember>().Where(m => m.BranchId == branchId && m.IsSupervisor).ToListAsync())
                m.IsSupervisor = false;
        }

        /// <summary>The user exists, is active, is staff, and may lead when <paramref name="supervisor"/> is asked for.</summary>
        private async Task<(LapakUser? User, Outcome? Problem)> CheckAsync(Guid userId, bool supervisor, string notStaff)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId);
            if (user is null) return (null, Outcome.Invalid("User", text.Get("No user found with that e-mail address or name.")));
            if (!user.IsActive) return (user, Outcome.Invalid("User", string.Format(text.Get("{0}'s account is deactivated."), user.FullName)));
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                               where ur.UserId == userId select r.Name!).ToListAsync();
            if (notStaff.Length > 0 && !roles.Intersect(Roles.Staff).Any()) return (user, Outcome.Invalid("User", notStaff));
            if (supervisor && !roles.Intersect(Leads).Any())
                return (user, Outcome.Invalid("User", string.Format(text.Get("{0} needs the Supervisor or Admin role to be a supervisor."), user.FullName)));
            return (user, null);
        }
    }
}
