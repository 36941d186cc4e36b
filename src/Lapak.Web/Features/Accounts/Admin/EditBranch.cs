using System.ComponentModel.DataAnnotations;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary>Create, edit and delete branches (sites such as a data center); one with members or teams cannot be deleted.</summary>
public static class EditBranch
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Enter the branch code.")]
        [StringLength(10, MinimumLength = 2, ErrorMessage = "The code must be between {2} and {1} characters.")]
        [RegularExpression("^[A-Za-z0-9-]+$", ErrorMessage = "Use letters, digits and hyphens only.")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Enter the branch name.")]
        [StringLength(100, MinimumLength = 2, ErrorMessage = "The name must be between {2} and {1} characters.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter the city.")]
        [StringLength(100, ErrorMessage = "The city can be at most {1} characters.")]
        public string City { get; set; } = "";

        [Required(ErrorMessage = "Enter the address.")]
        [StringLength(300, ErrorMessage = "The address can be at most {1} characters.")]
        public string Address { get; set; } = "";

        [Required(ErrorMessage = "Choose a time zone.")]
        public string TimeZone { get; set; } = "Asia/Jakarta";
    }

    public sealed class Handler(LapakDbContext db, ActivityLog activity, TimeProvider clock, LapakText text) : IUnitEditor<Command>
    {
        public Task<Outcome> CreateAsync(Command c) =>
            SaveAsync(new Branch { CreatedAt = clock.GetUtcNow().UtcDateTime }, c, isNew: true);

        public async Task<Outcome> UpdateAsync(Guid id, Command c)
        {
            var branch = await db.Set<Branch>().SingleOrDefaultAsync(b => b.Id == id);
            return branch is null ? Outcome.NotFound() : await SaveAsync(branch, c, isNew: false);
        }

        public async Task<Outcome> DeleteAsync(Guid id)
        {
            var branch = await db.Set<Branch>().SingleOrDefaultAsync(b => b.Id == id);
            if (branch is null) return Outcome.NotFound();
            var members = await db.Set<BranchMember>().CountAsync(m => m.BranchId == id);
            if (members > 0)
                return Outcome.Conflict(string.Format(text.Get("{0} still has {1} member(s). Remove them first."), branch.Name, members));
            var teams = await db.Set<Team>().CountAsync(t => t.BranchId == id);
            if (teams > 0)
                return Outcome.Conflict(string.Format(text.Get("{0} still has {1} team(s). Move them to another branch first."), branch.Name, teams));
            db.Remove(branch);
            activity.Record("branch.deleted", "branch", branch.Id.ToString(), detail: $"{branch.Code} · {branch.Name}");
            await db.SaveChangesAsync();
            return Outcome.Done(branch.Id);
        }

        /// <summary>What only the database knows: a code or name another branch already has, an unknown time zone.</summary>
        public async Task<Outcome> CheckAsync(Guid? id, Command c)
        {
            var invalid = Outcome.Invalid();
            if (!string.IsNullOrWhiteSpace(c.TimeZone) && !AdminLabels.TimeZones.Contains(c.TimeZone))
                invalid.Add(nameof(Command.TimeZone), text.Get("Choose WIB, WITA or WIT."));
            if (!string.IsNullOrWhiteSpace(c.Code))
            {
                var code = c.Code.Trim().ToUpperInvariant();
                if (await db.Set<Branch>().AnyAsync(b => b.Id != id && b.Code == code))
                    invalid.Add(nameof(Command.Code), text.Get("Another branch already uses this code."));
            }
            if (!string.IsNullOrWhiteSpace(c.Name))
            {
                var lower = c.Name.Trim().ToLowerInvariant();
                if (await db.Set<Branch>().AnyAsync(b => b.Id != id && b.Name.ToLower() == lower))
                    invalid.Add(nameof(Command.Name), text.Get("A branch with this name already exists."));
            }
            return invalid.HasErrors ? invalid : Outcome.Done(id);
        }

        private async Task<Outcome> SaveAsync(Branch branch, Command c, bool isNew)
        {
            var check = await CheckAsync(branch.Id, c);
            if (!check.Succeeded) return check;
            var code = c.Code.Trim().ToUpperInvariant();
            var name = c.Name.Trim();

            var before = branch.Name;
            branch.Code = code;
            branch.Name = name;
            branch.City = c.City.Trim();
            branch.Address = c.Address.Trim();
            branch.TimeZone = c.TimeZone;
            if (isNew) db.Add(branch);
            activity.Record(isNew ? "branch.created" : "branch.updated", "branch", branch.Id.ToString(),
                detail: isNew || before == name ? $"{code} · {name}" : $"{code} · {before} → {name}");
            try { await db.SaveChangesAsync(); }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return Outcome.Invalid(nameof(Command.Code), text.Get("Another branch already uses this code."));
            }
            return Outcome.Done(branch.Id);
        }
    }
}
