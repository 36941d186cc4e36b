using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Escalations;

/// <summary>
/// Escalating a ticket. The workspace's "Escalation" card posts here; a mistake (no reason, a team without a supervisor)
/// is shown on this page beside its field, with what was chosen kept.
/// </summary>
public sealed class EscalateTicketModel(TicketAccess access, EscalateTicket.Handler handler, LapakDbContext db, EscalationQueries queries,
    IStringLocalizer l) : PageModel
{
    public EscalationForm Form { get; private set; } = null!;
    public TicketDetailsHeader Header { get; private set; } = null!;
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var ticket = await access.FindAsync(User, code);
        if (ticket is null) return NotFound();
        if (!TicketAccess.Works(User, ticket)) return Forbid();
        await LoadAsync(ticket, null, null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, [FromForm] EscalateTicket.Command command)
    {
        var ticket = await access.FindAsync(User, code);
        if (ticket is null) return NotFound();
        if (!ModelState.IsValid)
        {
            // An unreadable choice (a tampered target or id) is the same as none.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ticket, command, new Dictionary<string, string[]> { [nameof(command.Target)] = [l["Choose where the ticket goes."].Value] });
            return Page();
        }
        var (problems, _) = await handler.HandleAsync(User, ticket, command);
        if (problems.Forbidden is not null) return Forbid();
        if (problems.Any)
        {
            Problem = problems.Conflict;
            if (problems.Conflict is not null) ticket = await access.FindAsync(User, code) ?? ticket;
            Response.StatusCode = problems.Errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            await LoadAsync(ticket, command, problems.Errors);
            return Page();
        }
        TempData["Flash"] = ticket.Status == TicketStatus.AwaitingApproval && command.Target == EscalationTarget.BranchSupervisor
            ? l["The request now awaits the branch supervisor's approval."].Value
            : l["The ticket has been escalated."].Value;
        return Redirect(TicketDetailsModel.Address(ticket.Code));
    }

    private async Task LoadAsync(Ticket ticket, EscalateTicket.Command? values, IReadOnlyDictionary<string, string[]>? errors)
    {
        Header = new TicketDetailsHeader(ticket.Code, ticket.Subject);
        Form = await EscalationForm.ForAsync(db, queries, ticket, values, errors);
    }
}
