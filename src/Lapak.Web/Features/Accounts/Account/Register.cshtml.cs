using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Lapak.Web.Features.Accounts;

[EnableRateLimiting("auth")]
public sealed class RegisterModel(RegisterUser.Handler handler) : PageModel
{
    [BindProperty] public RegisterUser.Command Input { get; set; } = new();
    public string? ReturnUrl { get; set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();
        var (user, result) = await handler.HandleAsync(Input, LapakCultures.Current);
        if (user is null)
        {
            foreach (var e in result.Errors)
            {
                var field = e.Code switch
                {
                    "DuplicateEmail" or "InvalidEmail" => "Input.Email",
                    _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => "Input.Password",
                    _ => "",
                };
                ModelState.AddModelError(field, e.Description);
            }
            return Page();
        }
        return RedirectToPage("/Accounts/Account/RegisterConfirmation", new { email = user.Email });
    }
}
