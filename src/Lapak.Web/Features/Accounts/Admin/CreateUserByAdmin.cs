using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Accounts.Admin;

/// <summary>
/// An admin creates an account for a customer or a staff member. It has no password and an unconfirmed
/// address; the invitation mail lets the person choose a password, which also confirms the address.
/// The account, its roles, the mail and the activity entry commit together or not at all.
/// </summary>
public static class CreateUserByAdmin
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Enter the name.")]
        [StringLength(LapakUser.NameMaxLength, MinimumLength = 2, ErrorMessage = "The name must be between {2} and {1} characters.")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Enter the e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter the phone number.")]
        [RegularExpression(Validation.PhonePattern, ErrorMessage = Validation.PhoneMessage)]
        public string PhoneNumber { get; set; } = "";

        [Required(ErrorMessage = "Choose at least one role.")]
        [MinLength(1, ErrorMessage = "Choose at least one role.")]
        public List<string> Roles { get; set; } = [];

        public Guid? OrganizationId { get; set; }

        [Required(ErrorMessage = "Choose a language.")]
        [RegularExpression("^(id|en)$", ErrorMessage = "The language must be id or en.")]
        public string PreferredLanguage { get; set; } = LapakCultures.Indonesian;
    }

    public sealed class Handler(LapakDbContext db, UserManager<LapakUser> users, AccountMail mail, ActivityLog activity,
        TimeProvider clock, LapakText text)
    {
        /// <summary>Expects a command that passed its data annotations; checks what only the database knows.</summary>
        public async Task<Outcome> HandleAsync(Command c, ClaimsPrincipal admin)
        {
            var roles = new List<string>();
            foreach (var r in c.Roles.Where(r => !string.IsNullOrWhiteSpace(r)))
            {
                var known = Accounts.Roles.All.FirstOrDefault(x => string.Equals(x, r.Trim(), StringComparison.OrdinalIgnoreCase));
                if (known is null) return Outcome.Invalid(nameof(Command.Roles), string.Format(text.Get("There is no role called {0}."), r));
                if (!roles.Contains(known)) roles.Add(known);
            }
            if (roles.Count == 0) return Outcome.Invalid(nameof(Command.Roles), text.Get("Choose at least one role."));

            var email = c.Email.Trim();
            if (await EmailTakenAsync(email))
                return Outcome.Invalid(nameof(Command.Email), text.Get("An account with this e-mail address already exists."));
            if (c.OrganizationId is { } orgId && !await db.Set<Organization>().AnyAsync(o => o.Id == orgId))
                return Outcome.Invalid(nameof(Command.OrganizationId), text.Get("This organization does not exist."));

            await using var tx = await db.Database.BeginTransactionAsync();
            var user = new LapakUser
            {
                UserName = email, Email = email, FullName = c.FullName.Trim(), PhoneNumber = c.PhoneNumber.Trim(),
                PreferredLanguage = LapakCultures.Normalize(c.PreferredLanguage), OrganizationId = c.OrganizationId,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user);
            if (result.Succeeded) result = await users.AddToRolesAsync(user, roles);
            if (!result.Succeeded)
            {
                db.ChangeTracker.Clear();
                return FromIdentity(result); // the transaction is disposed uncommitted: nothing stays
            }

            await mail.QueueInvitationAsync(user, admin.DisplayName());
            activity.Record("account.created_by_admin", "user", user.Id.ToString(),
                detail: $"{user.Email} · {string.Join(", ", roles.OrderBy(AdminUserQueries.RoleOrder))}");
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return Outcome.Done(user.Id);
        }

        public async Task<bool> EmailTakenAsync(string email) => await users.FindByEmailAsync(email.Trim()) is not null;

        private Outcome FromIdentity(IdentityResult result)
        {
            Outcome? outcome = null;
            foreach (var e in result.Errors)
            {
                // The user name is the e-mail address, so both duplicates say the same thing once.
                if (e.Code == "DuplicateUserName" && result.Errors.Any(x => x.Code == "DuplicateEmail")) continue;
                var field = e.Code switch
                {
                    "DuplicateEmail" or "InvalidEmail" or "DuplicateUserName" or "InvalidUserName" => nameof(Command.Email),
                    _ => "",
                };
                outcome = outcome is null ? Outcome.Invalid(field, e.Description) : outcome.Add(field, e.Description);
            }
            return outcome ?? Outcome.Invalid("", text.Get("The account could not be created."));
        }
    }
}
