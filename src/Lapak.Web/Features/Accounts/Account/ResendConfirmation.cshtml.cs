using System.ComponentModel.DataAnnotations;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lapak.Web.Features.Accounts;

/// <summary>Says the same whether or not the address exists, so the page cannot be used to find accounts.</summary>
[EnableRateLimiting("auth")]
public sealed class ResendConfirmationModel(UserManager<LapakUser> users, AccountMail mail, LapakDbContext db) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your e-mail address."), EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    public string Email { get; set; } = "";
    public bool Sent { get; private set; }

    public void OnGet(string? email) => Email = email ?? "";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email);
        if (user is { EmailConfirmed: false, IsActive: true })
        {
            await mail.QueueConfirmationAsync(user);
            await db.SaveChangesAsync();
        }
        Sent = true;
        return Page();
    }
}
