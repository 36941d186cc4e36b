using System.ComponentModel.DataAnnotations;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Accounts;

/// <summary>The signed-in user's own profile: details, avatar and password, each its own form.</summary>
public sealed class ProfileModel(UserManager<LapakUser> users, SignInManager<LapakUser> signIn, UpdateProfile.Handler update,
    ChangeAvatar.Handler avatars, ChangePassword.Handler changePassword, IStringLocalizer l) : PageModel
{
    // Only the details form posts these fields; on the other forms they stay empty and valid.
    [BindProperty] public UpdateProfile.Command Input { get; set; } = new();
    [BindProperty] public IFormFile? Avatar { get; set; }
    // Bound as a handler parameter, so its required fields are only checked when this form is sent.
    public ChangePassword.Command Password { get; set; } = new();

    public string Email { get; private set; } = "";
    public string? AvatarPath { get; private set; }
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public DateTime MemberSince { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user, fillInput: true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (string.IsNullOrWhiteSpace(Input.FullName)) ModelState.AddModelError("Input.FullName", l["Enter your name."]);
        if (!ModelState.IsValid) return await RedisplayAsync(user, fillInput: false);

        var result = await update.HandleAsync(user, new UpdateProfile.Command
        {
            FullName = Input.FullName,
            // An emptied field arrives as null, which the handler reads as "unchanged"; here it means "remove my number".
            PhoneNumber = Input.PhoneNumber ?? "",
            PreferredLanguage = Input.PreferredLanguage ?? user.PreferredLanguage,
        });
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            return await RedisplayAsync(user, fillInput: false);
        }

        await signIn.RefreshSignInAsync(user); // the header's name and the language claim follow
        LocalizationSetup.WriteLanguageCookie(Response, user.PreferredLanguage);
        UseLanguage(user.PreferredLanguage);
        return Saved(l["Your profile has been saved."]);
    }

    public async Task<IActionResult> OnPostAvatarAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var result = await avatars.UploadAsync(user, Avatar, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Avatar), result.Error!);
            return await RedisplayAsync(user, fillInput: true);
        }
        await signIn.RefreshSignInAsync(user); // the header shows the new picture
        return Saved(l["Your new photo is saved."]);
    }

    public async Task<IActionResult> OnPostRemoveAvatarAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var result = await avatars.RemoveAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Avatar), result.Error!);
            return await RedisplayAsync(user, fillInput: true);
        }
        await signIn.RefreshSignInAsync(user);
        return Saved(l["Your photo has been removed."]);
    }

    public async Task<IActionResult> OnPostPasswordAsync(ChangePassword.Command password)
    {
        Password = password;
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!ModelState.IsValid) return await RedisplayAsync(user, fillInput: true);

        var errors = await changePassword.HandleAsync(user, password);
        if (errors.Count > 0)
        {
            foreach (var (field, messages) in errors)
                foreach (var m in messages) ModelState.AddModelError(field.Length == 0 ? "" : $"Password.{field}", m);
            return await RedisplayAsync(user, fillInput: true);
        }
        // Changing the password renewed the security stamp: other sessions end, this one is re-issued.
        await signIn.RefreshSignInAsync(user);
        return Saved(l["Your password has been changed. Other devices will need to sign in again."]);
    }

    private async Task<IActionResult> RedisplayAsync(LapakUser user, bool fillInput)
    {
        await LoadAsync(user, fillInput);
        return Page();
    }

    private async Task LoadAsync(LapakUser user, bool fillInput)
    {
        Email = user.Email ?? "";
        AvatarPath = user.AvatarPath;
        Roles = (await users.GetRolesAsync(user)).Order().ToList();
        MemberSince = user.CreatedAt;
        if (fillInput)
            Input = new UpdateProfile.Command { FullName = user.FullName, PhoneNumber = user.PhoneNumber, PreferredLanguage = user.PreferredLanguage };
    }

    private RedirectToPageResult Saved(string message)
    {
        TempData["Flash"] = message;
        return RedirectToPage();
    }

    /// <summary>The success message is written now but shown after the redirect, in the language just chosen.</summary>
    private static void UseLanguage(string language)
    {
        var culture = LapakCultures.CultureOf(language);
        System.Globalization.CultureInfo.CurrentCulture = culture;
        System.Globalization.CultureInfo.CurrentUICulture = culture;
    }
}
