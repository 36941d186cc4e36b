using Lapak.Web.Features.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Accounts;

/// <summary>Which channels may reach me, and a test notification to check them.</summary>
public sealed class ProfileNotificationsModel(UserManager<LapakUser> users, UpdateProfile.Handler update,
    SendTestNotification.Handler sendTest, IOptions<WhatsAppOptions> whatsApp, IStringLocalizer l) : PageModel
{
    [BindProperty] public bool NotifyInApp { get; set; }
    [BindProperty] public bool NotifyEmail { get; set; }
    [BindProperty] public bool NotifyWhatsApp { get; set; }

    public bool WhatsAppAvailable { get; private set; }
    public bool WhatsAppConfigured => whatsApp.Value.Enabled;
    public string? Phone { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Load(user, fill: true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Load(user, fill: false);
        var result = await update.HandleAsync(user, new UpdateProfile.Command
        {
            NotifyInApp = NotifyInApp,
            NotifyEmail = NotifyEmail,
            // A channel that cannot be used is shown switched off; leave the stored choice alone rather than lose it.
            NotifyWhatsApp = WhatsAppAvailable ? NotifyWhatsApp : null,
        });
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            return Page();
        }
        TempData["Flash"] = l["Your notification settings have been saved."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTestAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var channels = await sendTest.HandleAsync(user);
        TempData["Flash"] = channels.Count == 0
            ? l["The test notification is in your notification list. Every channel is switched off, so nothing else was sent."].Value
            : l["Test notification sent. It appears in the bell in a moment; an e-mail can take a minute."].Value;
        return RedirectToPage();
    }

    private void Load(LapakUser user, bool fill)
    {
        Phone = user.PhoneNumber;
        WhatsAppAvailable = whatsApp.Value.Enabled && !string.IsNullOrWhiteSpace(user.PhoneNumber);
        if (!fill) return;
        NotifyInApp = user.NotifyInApp;
        NotifyEmail = user.NotifyEmail;
        NotifyWhatsApp = WhatsAppAvailable && user.NotifyWhatsApp;
    }
}
