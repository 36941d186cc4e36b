using System.ComponentModel.DataAnnotations;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary>Create, rename and delete organizations; one that still has users cannot be deleted.</summary>
public static class EditOrganization
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Enter the organization's name.")]
        [StringLength(150, MinimumLength = 2, ErrorMessage = "The name must be between {2} and {1} characters.")]
        public string Name { get; set; } = "";

        public OrganizationKind Kind { get; set; } = OrganizationKind.GovernmentUnit;

        [StringLength(300, ErrorMessage = "The address can be at most {1} characters.")]
        public string? Address { get; set; }
    }

    public sealed class Handler(LapakDbContext db, ActivityLog activity, TimeProvider clock, LapakText text) : IUnitEditor<Command>
    {
        public async Task<Outcome> CreateAsync(Command c)
        {
            var org = new Organization { CreatedAt = clock.GetUtcNow().UtcDateTime };
            return await SaveAsync(org, c, isNew: true);
        }

        public async Task<Outcome> UpdateAsync(Guid id, Command c)
        {
            var org = await db.Set<Organization>().SingleOrDefaultAsync(o => o.Id == id);
            return org is null ? Outcome.NotFound() : await SaveAsync(org, c, isNew: false);
        }

        public async Task<Outcome> DeleteAsync(Guid id)
        {
            var org = await db.Set<Organization>().SingleOrDefaultAsync(o => o.Id == id);
            if (org is null) return Outcome.NotFound();
            var users = await db.Users.CountAsync(u => u.OrganizationId == id);
            if (users > 0)
                return Outcome.Conflict(string.Format(text.Get("{0} still has {1} user(s). Move them to another organization or remove them first."), org.Name, users));
            db.Remove(org);
            activity.Record("organization.deleted", "organization", org.Id.ToString(), detail: org.Name);
            await db.SaveChangesAsync();
            return Outcome.Done(org.Id);
        }

        /// <summary>What only the database knows: a name another organization already has.</summary>
        public async Task<Outcome> CheckAsync(Guid? id, Command c)
        {
            var invalid = Outcome.Invalid();
            if (!Enum.IsDefined(c.Kind)) invalid.Add(nameof(Command.Kind), text.Get("Choose the kind of organization."));
            if (!string.IsNullOrWhiteSpace(c.Name))
            {
                var lower = c.Name.Trim().ToLowerInvariant();
                if (await db.Set<Organization>().AnyAsync(o => o.Id != id && o.Name.ToLower() == lower))
                    invalid.Add(nameof(Command.Name), text.Get("An organization with this name already exists."));
            }
            return invalid.HasErrors ? invalid : Outcome.Done(id);
        }

        private async Task<Outcome> SaveAsync(Organization org, Command c, bool isNew)
        {
            var check = await CheckAsync(org.Id, c);
            if (!check.Succeeded) return check;
            var name = c.Name.Trim();

            var before = org.Name;
            org.Name = name;
            org.Kind = c.Kind;
            org.Address = string.IsNullOrWhiteSpace(c.Address) ? null : c.Address.Trim();
            if (isNew) db.Add(org);
            activity.Record(isNew ? "organization.created" : "organization.updated", "organization", org.Id.ToString(),
                detail: isNew || before == name ? name : $"{before} → {name}");
            try { await db.SaveChangesAsync(); }
            catch (DbUpdateException)
            {
                // Someone saved the same name a moment ago; the unique index caught it.
                db.ChangeTracker.Clear();
                return Outcome.Invalid(nameof(Command.Name), text.Get("An organization with this name already exists."));
            }
            return Outcome.Done(org.Id);
        }
    }
}
