using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Escalations;

/// <summary>
/// The branch supervisor's decision. The ticket's "Your approval" card posts here. Anyone who does not supervise the
/// ticket's branch gets the 404 page, so the page never says whether a request exists elsewhere.
/// </summary>
public sealed class TicketApprovalModel(BranchSupervision supervision, ApproveTicket.Handler handler, ApprovalSummary summaries, IStringLocalizer l) : PageModel
{
    public ApprovalForm? Form { get; private set; }
    public TicketDetailsHeader Header { get; private set; } = null!;
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var ticket = await supervision.FindForDecisionAsync(User, code);
        if (ticket is null) return NotFound();
        await LoadAsync(ticket, new ApproveTicket.Command(), new Dictionary<string, string[]>());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, [FromForm] ApproveTicket.Command command)
    {
        var ticket = await supervision.FindForDecisionAsync(User, code);
        if (ticket is null) return NotFound();
        if (!ModelState.IsValid) command.Decision = null;
        var (problems, permit) = await handler.HandleAsync(User, ticket, command);
        if (problems.Any)
        {
            Problem = problems.Conflict;
            if (problems.Conflict is not null) ticket = await supervision.FindForDecisionAsync(User, code) ?? ticket;
            Response.StatusCode = problems.Errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            await LoadAsync(ticket, command, problems.Errors);
            return Page();
        }
        TempData["Flash"] = permit is not null ? l["Approved. The permit is issued and the customer has been told."].Value
            : l["Rejected. The customer has received your comment."].Value;
        return Redirect(TicketDetailsModel.Address(ticket.Code));
    }

    private async Task LoadAsync(Ticket ticket, ApproveTicket.Command values, Dictionary<string, string[]> errors)
    {
        Header = new TicketDetailsHeader(ticket.Code, ticket.Subject);
        Form = ticket.Status == TicketStatus.AwaitingApproval ? new ApprovalForm(await summaries.ForAsync(ticket), values, errors) : null;
    }
}
