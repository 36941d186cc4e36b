using System.ComponentModel.DataAnnotations;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lapak.Web.Features.Accounts;

[EnableRateLimiting("auth")]
public sealed class ForgotPasswordModel(UserManager<LapakUser> users, AccountMail mail, ActivityLog activity, LapakDbContext db) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your e-mail address."), EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    public string Email { get; set; } = "";
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email);
        if (user is { IsActive: true })
        {
            await mail.QueuePasswordResetAsync(user);
            activity.Record("account.password_reset_requested", "user", user.Id.ToString(), actorId: user.Id, actorName: user.FullName);
            await db.SaveChangesAsync();
        }
        Sent = true;
        return Page();
    }
}
