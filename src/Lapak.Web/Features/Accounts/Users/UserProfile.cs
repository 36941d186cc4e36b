using System.ComponentModel.DataAnnotations;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;

namespace Lapak.Web.Features.Accounts;

/// <summary>Change one's own name, phone, language and notification channels (profile page and <c>PATCH /api/v1/me</c>).</summary>
public static class UpdateProfile
{
    public sealed class Command
    {
        [StringLength(LapakUser.NameMaxLength, MinimumLength = 2, ErrorMessage = "The name must be between {2} and {1} characters.")]
        public string? FullName { get; set; }

        [RegularExpression(Validation.PhonePattern, ErrorMessage = Validation.PhoneMessage)]
        public string? PhoneNumber { get; set; }

        [RegularExpression("^(id|en)$", ErrorMessage = "The language must be id or en.")]
        public string? PreferredLanguage { get; set; }

        public bool? NotifyInApp { get; set; }
        public bool? NotifyEmail { get; set; }
        public bool? NotifyWhatsApp { get; set; }
    }

    /// <summary>Applies the fields that are set (null leaves a field unchanged) and records the change.</summary>
    public sealed class Handler(UserManager<LapakUser> users, ActivityLog activity)
    {
        public async Task<IdentityResult> HandleAsync(LapakUser user, Command c)
        {
            if (c.FullName is not null) user.FullName = c.FullName.Trim();
            if (c.PhoneNumber is not null) user.PhoneNumber = string.IsNullOrWhiteSpace(c.PhoneNumber) ? null : c.PhoneNumber.Trim();
            if (c.PreferredLanguage is not null) user.PreferredLanguage = LapakCultures.Normalize(c.PreferredLanguage);
            if (c.NotifyInApp is not null) user.NotifyInApp = c.NotifyInApp.Value;
            if (c.NotifyEmail is not null) user.NotifyEmail = c.NotifyEmail.Value;
            if (c.NotifyWhatsApp is not null) user.NotifyWhatsApp = c.NotifyWhatsApp.Value;
            activity.Record("account.profile_updated", "user", user.Id.ToString());
            // UpdateAsync saves the user and the activity entry together.
            return await users.UpdateAsync(user);
        }
    }
}

public static class Validation
{
    /// <summary>Indonesian numbers as people type them: 0812…, +62 812…, 021-…</summary>
    public const string PhonePattern = @"^\s*(\+?[0-9][0-9 \-]{6,18}[0-9])?\s*$";
    public const string PhoneMessage = "Enter a phone number such as 0812 3456 7890 or +62 812 3456 7890.";
}
