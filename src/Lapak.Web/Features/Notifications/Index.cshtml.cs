using Lapak.Web.Infrastructure.Formatting;
using Lapak.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Notifications;

/// <summary>All my notifications, newest first, with an "unread only" filter; new ones arrive live.</summary>
public sealed class NotificationListModel(NotificationQueries queries, ReadNotifications.Handler read, TimeProvider clock,
    IStringLocalizer l) : PageModel
{
    public const int PageSize = 20;

    // "p", not "page": Razor Pages reserves the "page" route value for the page's own path.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true, Name = "unread")] public bool UnreadOnly { get; set; }

    public NotificationPage Result { get; private set; } = new([], 1, PageSize, 0, 0);
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Result.Total / (double)PageSize));
    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Result = await queries.PageAsync(User.RequiredUserId(), Math.Max(1, PageNumber), PageSize, UnreadOnly);
        // A page number past the end (after marking things read, or typed by hand) shows the last page instead.
        if (Result.Items.Count == 0 && Result.Total > 0 && PageNumber > PageCount) return RedirectToPage(Route(PageCount));
        PageNumber = Result.Page;
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id)
    {
        if (await read.MarkOneAsync(User.RequiredUserId(), id) is null) return NotFound();
        return RedirectToPage(Route(PageNumber));
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var count = await read.MarkAllAsync(User.RequiredUserId());
        TempData["Flash"] = count == 0 ? l["You have no unread notifications."].Value : l["All notifications are marked as read."].Value;
        return RedirectToPage(Route(1));
    }

    public object Route(int page) => UnreadOnly ? new { p = page, unread = true } : new { p = page };

    public string When(DateTime utc) => RelativeTime.Describe(utc, Now, l);
}
