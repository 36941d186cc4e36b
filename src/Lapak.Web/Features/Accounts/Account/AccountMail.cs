using System.Text;
using Lapak.Web.Features.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Lapak.Web.Features.Accounts;

/// <summary>The e-mails an account needs to exist: confirmation, password reset and staff/customer invitation.</summary>
public sealed class AccountMail(UserManager<LapakUser> users, Notifier notifier)
{
    public const string ConfirmEmail = "account.confirm_email";
    public const string ResetPassword = "account.reset_password";
    public const string Invitation = "account.invitation";
    public const string RolesChanged = "account.roles_changed";

    /// <summary>Queues the confirmation mail; the caller saves it with its own change.</summary>
    public async Task QueueConfirmationAsync(LapakUser user)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        notifier.SendAccountMail(user, ConfirmEmail, new { name = user.FullName },
            $"/account/confirm-email?userId={user.Id}&code={code}");
    }

    public async Task QueuePasswordResetAsync(LapakUser user)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        notifier.SendAccountMail(user, ResetPassword, new { name = user.FullName },
            $"/account/reset-password?userId={user.Id}&code={code}");
    }

    /// <summary>An invitation is a password-reset link that also confirms the address it arrived at.</summary>
    public async Task QueueInvitationAsync(LapakUser user, string inviterName)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        notifier.SendAccountMail(user, Invitation, new { name = user.FullName, inviter = inviterName },
            $"/account/reset-password?userId={user.Id}&code={code}&invite=1");
    }

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }
}
