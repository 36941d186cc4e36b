using System.ComponentModel.DataAnnotations;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace Lapak.Web.Features.Accounts;

/// <summary>Self-registration as a customer: the account, its confirmation mail and the activity entry commit together.</summary>
public static class RegisterUser
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(LapakUser.NameMaxLength, MinimumLength = 2, ErrorMessage = "The name must be between {2} and {1} characters.")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your phone number.")]
        [RegularExpression(Validation.PhonePattern, ErrorMessage = Validation.PhoneMessage)]
        public string PhoneNumber { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Repeat the password.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Handler(LapakDbContext db, UserManager<LapakUser> users, AccountMail mail, ActivityLog activity, TimeProvider clock)
    {
        /// <summary>Creates the account; on failure nothing is written and the errors say why.</summary>
        public async Task<(LapakUser? User, IdentityResult Result)> HandleAsync(Command c, string language)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var user = new LapakUser
            {
                UserName = c.Email.Trim(), Email = c.Email.Trim(), FullName = c.FullName.Trim(), PhoneNumber = c.PhoneNumber.Trim(),
                PreferredLanguage = language, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user, c.Password);
            if (!result.Succeeded) return (null, result);
            result = await users.AddToRoleAsync(user, Roles.Customer);
            if (!result.Succeeded) return (null, result);
            await mail.QueueConfirmationAsync(user);
            activity.Record("account.registered", "user", user.Id.ToString(), actorId: user.Id, actorName: user.FullName);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return (user, result);
        }
    }
}
