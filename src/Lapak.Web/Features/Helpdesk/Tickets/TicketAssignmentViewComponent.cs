using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>The "Assignment" card of the ticket workspace; empty for anyone who does not work the ticket.</summary>
public sealed class TicketAssignmentViewComponent(TicketAccess access, LapakDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string code)
    {
        var ticket = await access.FindAsync(UserClaimsPrincipal, code);
        if (ticket is null || !TicketAccess.Works(UserClaimsPrincipal, ticket)) return Content("");
        var choices = await AssignmentChoices.ForAsync(db, UserClaimsPrincipal, ticket);
        return View("/Features/Helpdesk/Tickets/_TicketAssignment.cshtml",
            new AssignmentForm(choices, new AssignTicket.Command { AssigneeId = ticket.AssigneeId, TeamId = ticket.TeamId }, new Dictionary<string, string[]>()));
    }
}
