using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Shared;

/// <summary>Switches the language: a cookie for guests, and the account's preference for signed-in users.</summary>
public sealed class LanguageModel(UserManager<LapakUser> users, SignInManager<LapakUser> signIn) : PageModel
{
    public IActionResult OnGet(string? returnUrl) => LocalRedirect(Safe(returnUrl));

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl)
    {
        var lang = LapakCultures.Normalize(language);
        LocalizationSetup.WriteLanguageCookie(Response, lang);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.PreferredLanguage != lang)
        {
            user.PreferredLanguage = lang;
            await users.UpdateAsync(user);
            await signIn.RefreshSignInAsync(user); // the language claim in the cookie follows
        }
        return LocalRedirect(Safe(returnUrl));
    }

    private string Safe(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
