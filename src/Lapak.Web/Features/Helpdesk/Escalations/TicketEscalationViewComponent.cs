using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;

namespace Lapak.Web.Features.Helpdesk.Escalations;

/// <summary>The "Escalation" card of the ticket workspace: the ticket's escalations and the form; empty for anyone who does not work the ticket.</summary>
public sealed class TicketEscalationViewComponent(TicketAccess access, LapakDbContext db, EscalationQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string code)
    {
        var ticket = await access.FindAsync(UserClaimsPrincipal, code);
        if (ticket is null || !TicketAccess.Works(UserClaimsPrincipal, ticket)) return Content("");
        return View("/Features/Helpdesk/Escalations/_TicketEscalate.cshtml", await EscalationForm.ForAsync(db, queries, ticket));
    }
}
