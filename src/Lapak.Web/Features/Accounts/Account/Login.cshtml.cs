using System.ComponentModel.DataAnnotations;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Accounts;

[EnableRateLimiting("auth")]
public sealed class LoginModel(SignInManager<LapakUser> signIn, ActivityLog activity, IStringLocalizer l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string? ReturnUrl { get; set; }
    public string? Notice { get; set; }
    public bool ShowResend { get; set; }

    public void OnGet(string? returnUrl, string? notice)
    {
        ReturnUrl = returnUrl;
        Notice = notice switch
        {
            "password-reset" => l["Your password has been changed. Sign in with the new one."].Value,
            "password-set" => l["Your password is set. Welcome to Lapak! Sign in to start."].Value,
            "signed-out" => l["You have signed out."].Value,
            _ => null,
        };
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();

        var user = await signIn.UserManager.FindByEmailAsync(Input.Email);
        if (user is { IsActive: false })
        {
            ModelState.AddModelError("", l["This account has been deactivated. Contact the administrator."]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LocalizationSetup.WriteLanguageCookie(Response, user!.PreferredLanguage);
            activity.Record("account.signed_in", "user", user.Id.ToString(), actorId: user.Id, actorName: user.FullName);
            await signIn.UserManager.UpdateAsync(user);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }

        if (user is not null)
        {
            activity.Record(result.IsLockedOut ? "account.locked_out" : "account.sign_in_failed", "user", user.Id.ToString(),
                actorId: user.Id, actorName: user.FullName);
            await signIn.UserManager.UpdateAsync(user);
        }
        if (result.IsLockedOut)
            ModelState.AddModelError("", l["Too many wrong passwords. Your account is locked for 15 minutes; try again later or reset your password."]);
        else if (result.IsNotAllowed)
        {
            ModelState.AddModelError("", l["Confirm your e-mail address first: open the link we sent you."]);
            ShowResend = true;
        }
        else
            ModelState.AddModelError("", l["The e-mail address or password is wrong."]);
        return Page();
    }
}
