using System.ComponentModel.DataAnnotations;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace Lapak.Web.Features.Accounts;

/// <summary>Change one's own password (profile page and <c>POST /api/v1/me/password</c>); other sessions end with the old stamp.</summary>
public static class ChangePassword
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Enter your current password."), DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Choose a new password."), DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Repeat the new password."), DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passwords do not match.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Handler(UserManager<LapakUser> users, ActivityLog activity, LapakDbContext db)
    {
        /// <summary>Field errors by command property name ("" for the form); empty when the password was changed.</summary>
        public async Task<Dictionary<string, List<string>>> HandleAsync(LapakUser user, Command c)
        {
            var result = await users.ChangePasswordAsync(user, c.CurrentPassword, c.NewPassword);
            var errors = new Dictionary<string, List<string>>();
            foreach (var e in result.Errors)
            {
                var field = e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(Command.CurrentPassword)
                    : e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Command.NewPassword) : "";
                (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(e.Description);
            }
            if (errors.Count > 0) return errors;
            activity.Record("account.password_changed", "user", user.Id.ToString());
            await db.SaveChangesAsync();
            return errors;
        }
    }
}
