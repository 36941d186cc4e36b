using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// Deleting a ticket, posted from the ticket page. A missing reason comes back here with the form, so the ticket
/// page itself stays as it was; a ticket the caller cannot see is 404, one they see but may not delete is 403.
/// </summary>
public sealed class DeleteTicketModel(TicketAccess access, DeleteTicket.Handler handler, IStringLocalizer l) : PageModel
{
    [BindProperty] public DeleteTicket.Command Input { get; set; } = new();
    public string Code { get; private set; } = "";
    public string Subject { get; private set; } = "";

    public Task<IActionResult> OnGetAsync(string code) => ShowAsync(code);

    public async Task<IActionResult> OnPostAsync(string code)
    {
        var ticket = await access.FindAsync(User, code);
        if (ticket is null) return NotFound();
        if (!DeleteTicket.Handler.MayDelete(User)) return Forbid();
        Code = ticket.Code;
        Subject = ticket.Subject;
        if (!ModelState.IsValid) return Page();
        await handler.HandleAsync(User, ticket, Input);
        TempData["Flash"] = l["Ticket {0} has been deleted.", TicketCode.Display(ticket.Code)].Value;
        return Redirect("/helpdesk/team");
    }

    private async Task<IActionResult> ShowAsync(string code)
    {
        var ticket = await access.FindAsync(User, code);
        if (ticket is null) return NotFound();
        if (!DeleteTicket.Handler.MayDelete(User)) return Forbid();
        Code = ticket.Code;
        Subject = ticket.Subject;
        return Page();
    }
}
