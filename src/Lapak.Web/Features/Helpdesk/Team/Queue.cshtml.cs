using Lapak.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

// Not ".Team": a namespace of that name would shadow the Team entity for every Helpdesk file.
namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>My queue (seed 002's FIFO): my teams' unassigned tickets by priority then age, and "Take next".</summary>
public sealed class QueueModel(TicketQueries queries, TakeNextTicket.Handler takeNext, IStringLocalizer l) : PageModel
{
    public IReadOnlyList<QueueItem> Items { get; private set; } = [];
    public DateTime Now { get; } = DateTime.UtcNow;

    public async Task OnGetAsync() => Items = await queries.QueueAsync(User.RequiredUserId());

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

    /// <summary>"12 min", "3 h 5 min", "2 d 4 h": how long the customer has been waiting.</summary>
    public string Waiting(DateTime since)
    {
        var w = Now - since;
        if (w.TotalMinutes < 1) return l["just now"];
        if (w.TotalHours < 1) return l["{0} min", (int)w.TotalMinutes];
        if (w.TotalDays < 1) return l["{0} h {1} min", (int)w.TotalHours, w.Minutes];
        return l["{0} d {1} h", (int)w.TotalDays, w.Hours];
    }
}
