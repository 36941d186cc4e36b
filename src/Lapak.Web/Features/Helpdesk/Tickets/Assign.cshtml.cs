using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// Assigning a ticket. The workspace's "Assignment" card posts here; a mistake (no reason for a reassignment,
/// someone outside the team) is shown on this page beside its field, with what was chosen kept.
/// </summary>
public sealed class TicketAssignModel(TicketAccess access, AssignTicket.Handler handler, LapakDbContext db, IStringLocalizer l) : PageModel
{
    public AssignmentForm Form { get; private set; } = null!;
    public TicketDetailsHeader Header { get; private set; } = null!;
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var ticket = await access.FindAsync(User, code);
        if (ticket is null) return NotFound();
        if (!TicketAccess.Works(User, ticket)) return Forbid();
        await LoadAsync(ticket, new AssignTicket.Command { AssigneeId = ticket.AssigneeId, TeamId = ticket.TeamId }, new());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, [FromForm] AssignTicket.Command command)
    {
        var ticket = await access.FindAsync(User, code);
        if (ticket is null) return NotFound();
        var (assigneeBefore, teamBefore) = (ticket.AssigneeId, ticket.TeamId);
        var problems = await handler.HandleAsync(User, ticket, command);
        if (problems.Forbidden is not null) return Forbid();
        if (problems.Any)
        {
            Problem = problems.Conflict;
            if (problems.Conflict is not null) ticket = await access.FindAsync(User, code) ?? ticket; // what it is now
            Response.StatusCode = problems.Errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            await LoadAsync(ticket, command, problems.Errors);
            return Page();
        }
        TempData["Flash"] = ticket.AssigneeId == assigneeBefore && ticket.TeamId == teamBefore ? l["Nothing changed."].Value
            : ticket.AssigneeId is null ? l["The ticket is back in the team's queue."].Value
            : ticket.AssigneeId == User.RequiredUserId() ? l["The ticket is now yours."].Value
            : l["The ticket is now assigned to {0}.", await NameAsync(ticket.AssigneeId.Value)].Value;
        return Redirect(TicketDetailsModel.Address(ticket.Code));
    }

    private Task<string> NameAsync(Guid id) => db.Users.Where(u => u.Id == id).Select(u => u.FullName).SingleAsync();

    private async Task LoadAsync(Ticket ticket, AssignTicket.Command values, Dictionary<string, string[]> errors)
    {
        Header = new TicketDetailsHeader(ticket.Code, ticket.Subject);
        Form = new AssignmentForm(await AssignmentChoices.ForAsync(db, User, ticket), values, errors);
    }
}

/// <summary>The ticket a form page is about, for its title and the way back.</summary>
public sealed record TicketDetailsHeader(string Code, string Subject);
