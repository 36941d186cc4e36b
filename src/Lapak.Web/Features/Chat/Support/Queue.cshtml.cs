using Lapak.Web.Infrastructure.Localization;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Formatting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Chat.Support;

/// <summary>Support chats for agents: waiting chats of my teams, oldest first, with "Pick up"; below, my active chats.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SupportQueueModel(SupportQueue queue, PickUpSupportChat.Handler pickUp, LapakText text, TimeProvider clock, IStringLocalizer l) : PageModel
{
    public SupportQueueView View { get; private set; } = new([], []);
    public DateTime Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow().UtcDateTime;
        View = await queue.ForAsync(User, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostPickUpAsync(Guid id)
    {
        var (picked, problems) = await pickUp.HandleAsync(User, id, HttpContext.RequestAborted);
        if (picked is not null) return Redirect($"/chat/{id}");
        TempData["Flash"] = problems.First(text.Get);
        return RedirectToPage();
    }

    /// <summary>"waiting 4 min": the same words the page's script keeps up to date.</summary>
    public string Waiting(DateTime? since)
    {
        var minutes = since is { } s ? (int)Math.Max(0, (Now - s).TotalMinutes) : 0;
        return minutes < 1 ? l["waiting less than a minute"] : l["waiting {0} min", minutes];
    }

    public string Ago(DateTime? at) => at is { } a ? RelativeTime.Describe(a, Now, l) : "";
}
