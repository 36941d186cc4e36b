using System.ComponentModel.DataAnnotations;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lapak.Web.Features.Accounts;

/// <summary>Both "forgot password" and invitations end here; an invitation also confirms the e-mail address.</summary>
[EnableRateLimiting("auth")]
public sealed class ResetPasswordModel(UserManager<LapakUser> users, ActivityLog activity, LapakDbContext db) : PageModel
{
    [BindProperty] public Guid UserId { get; set; }
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public bool Invite { get; set; }

    [BindProperty, Required(ErrorMessage = "Choose a password."), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Repeat the password."), DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";

    public bool LinkBroken { get; private set; }

    public async Task OnGetAsync(Guid? userId, string? code, int? invite)
    {
        Invite = invite == 1;
        var token = AccountMail.Decode(code);
        var user = userId is null || token is null ? null : await users.FindByIdAsync(userId.Value.ToString());
        // Checked up front so a dead link says so before the user types a password.
        if (user is null || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
                UserManager<LapakUser>.ResetPasswordTokenPurpose, token!))
        {
            LinkBroken = true;
            Response.StatusCode = 400;
            return;
        }
        UserId = user.Id;
        Code = code!;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var token = AccountMail.Decode(Code);
        var user = token is null ? null : await users.FindByIdAsync(UserId.ToString());
        if (user is null) { LinkBroken = true; return Page(); }

        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.ResetPasswordAsync(user, token!, Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "InvalidToken")) LinkBroken = true;
            foreach (var e in result.Errors) ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : "", e.Description);
            return Page();
        }
        // The link arrived by e-mail, so the address is proven; a locked-out user may sign in again.
        user.EmailConfirmed = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        activity.Record(Invite ? "account.invitation_accepted" : "account.password_reset", "user", user.Id.ToString(), actorId: user.Id, actorName: user.FullName);
        await users.UpdateAsync(user);
        await tx.CommitAsync();
        return Redirect("/account/login?notice=" + (Invite ? "password-set" : "password-reset"));
    }
}
