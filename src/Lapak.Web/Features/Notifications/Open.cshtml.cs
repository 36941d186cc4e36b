using Lapak.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Notifications;

/// <summary>Where the bell and the list link to: marks my notification read and goes where it points.</summary>
public sealed class OpenNotificationModel(ReadNotifications.Handler read) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var n = await read.MarkOneAsync(User.RequiredUserId(), id);
        if (n is null) return NotFound();
        // Links are written by Lapak itself, but only ever follow a local one: no open redirect through a notification.
        return LocalRedirect(n.Link is { Length: > 0 } link && Url.IsLocalUrl(link) ? link : "/notifications");
    }
}
