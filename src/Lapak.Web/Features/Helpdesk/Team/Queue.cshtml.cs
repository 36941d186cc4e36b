using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Formatting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

// Not ".Team": a namespace of that name would shadow the Team entity for every Helpdesk file.
namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>My queue (seed 002's FIFO): my teams' unassigned tickets by priority then age, and "Take next".</summary>
public sealed class QueueModel(TicketQueries queries, TakeNextTicket.Handler takeNext, IStringLocalizer l) : PageModel
{
    /// <summary>
    /// The page shows the head of the queue: an agent works from the top (take next), and a page of a few thousand
    /// waiting tickets would be slow to send and useless to read.
    /// </summary>
    public const int Shown = 50;

    public IReadOnlyList<QueueItem> Items { get; private set; } = [];
    /// <summary>How many tickets wait in all, when more than <see cref="Shown"/>.</summary>
    public int Waiting { get; private set; }
    public DateTime Now { get; } = DateTime.UtcNow;

    /// <summary>"breach": closest to breach first instead of priority then age.</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public async Task OnGetAsync()
    {
        Items = await queries.QueueAsync(User.RequiredUserId(), Shown, Sort == "breach");
        Waiting = Items.Count < Shown ? Items.Count : await queries.QueueLengthAsync(User.RequiredUserId());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ticket = await takeNext.HandleAsync(User);
        if (ticket is null)
        {
            TempData["Flash"] = l["Your queue is empty: no ticket is waiting for an agent."].Value;
            return RedirectToPage();
        }
        TempData["Flash"] = l["Ticket {0} is now yours.", TicketCode.Display(ticket.Code)].Value;
        return Redirect($"/helpdesk/tickets/{ticket.Code}");
    }

    /// <summary>How long the ticket has been waiting, the way the notifications page says it ("12 minutes ago").</summary>
    public string WaitingFor(DateTime since) => RelativeTime.Describe(since, Now, l);
}
