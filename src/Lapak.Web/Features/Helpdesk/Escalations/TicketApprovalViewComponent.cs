using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.AspNetCore.Mvc;

namespace Lapak.Web.Features.Helpdesk.Escalations;

/// <summary>The approve/reject card, shown only to a supervisor of the ticket's branch while the ticket awaits approval.</summary>
public sealed class TicketApprovalViewComponent(BranchSupervision supervision, ApprovalSummary summaries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string code)
    {
        var ticket = await supervision.FindForDecisionAsync(UserClaimsPrincipal, code);
        if (ticket is null || ticket.Status != TicketStatus.AwaitingApproval) return Content("");
        return View("/Features/Helpdesk/Escalations/_TicketApproval.cshtml",
            new ApprovalForm(await summaries.ForAsync(ticket), new ApproveTicket.Command(), new Dictionary<string, string[]>()));
    }
}
