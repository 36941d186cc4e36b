using System.ComponentModel.DataAnnotations;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary>Create, edit and delete teams (e.g. "Customer Service"); one with members cannot be deleted.</summary>
public static class EditTeam
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Enter the team name.")]
        [StringLength(100, MinimumLength = 2, ErrorMessage = "The name must be between {2} and {1} characters.")]
        public string Name { get; set; } = "";

        [StringLength(500, ErrorMessage = "The description can be at most {1} characters.")]
        public string? Description { get; set; }

        public Guid? BranchId { get; set; }
    }

    public sealed class Handler(LapakDbContext db, ActivityLog activity, TimeProvider clock, LapakText text) : IUnitEditor<Command>
    {
        public Task<Outcome> CreateAsync(Command c) =>
            SaveAsync(new Team { CreatedAt = clock.GetUtcNow().UtcDateTime }, c, isNew: true);

        public async Task<Outcome> UpdateAsync(Guid id, Command c)
        {
            var team = await db.Set<Team>().SingleOrDefaultAsync(t => t.Id == id);
            return team is null ? Outcome.NotFound() : await SaveAsync(team, c, isNew: false);
        }

        public async Task<Outcome> DeleteAsync(Guid id)
        {
            var team = await db.Set<Team>().SingleOrDefaultAsync(t => t.Id == id);
            if (team is null) return Outcome.NotFound();
            var members = await db.Set<TeamMember>().CountAsync(m => m.TeamId == id);
            if (members > 0)
                return Outcome.Conflict(string.Format(text.Get("{0} still has {1} member(s). Remove them first."), team.Name, members));
            db.Remove(team);
            activity.Record("team.deleted", "team", team.Id.ToString(), detail: team.Name);
            await db.SaveChangesAsync();
            return Outcome.Done(team.Id);
        }

        /// <summary>What only the database knows: a name another team already has, a branch that does not exist.</summary>
        public async Task<Outcome> CheckAsync(Guid? id, Command c)
        {
            var invalid = Outcome.Invalid();
            if (!string.IsNullOrWhiteSpace(c.Name))
            {
                var lower = c.Name.Trim().ToLowerInvariant();
                if (await db.Set<Team>().AnyAsync(t => t.Id != id && t.Name.ToLower() == lower))
                    invalid.Add(nameof(Command.Name), text.Get("A team with this name already exists."));
            }
            if (c.BranchId is { } branchId && !await db.Set<Branch>().AnyAsync(b => b.Id == branchId))
                invalid.Add(nameof(Command.BranchId), text.Get("This branch does not exist."));
            return invalid.HasErrors ? invalid : Outcome.Done(id);
        }

        private async Task<Outcome> SaveAsync(Team team, Command c, bool isNew)
        {
            var check = await CheckAsync(team.Id, c);
            if (!check.Succeeded) return check;
            var name = c.Name.Trim();

            var before = team.Name;
            team.Name = name;
            team.Description = string.IsNullOrWhiteSpace(c.Description) ? null : c.Description.Trim();
            team.BranchId = c.BranchId;
            if (isNew) db.Add(team);
            activity.Record(isNew ? "team.created" : "team.updated", "team", team.Id.ToString(),
                detail: isNew || before == name ? name : $"{before} → {name}");
            try { await db.SaveChangesAsync(); }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return Outcome.Invalid(nameof(Command.Name), text.Get("A team with this name already exists."));
            }
            return Outcome.Done(team.Id);
        }
    }
}
