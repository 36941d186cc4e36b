using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Permits;

/// <summary>
/// Revoking a permit from the ticket page's card. A refusal (no reason, already revoked) is shown on this page with the
/// card and what was typed; anyone but the branch's supervisor gets the 404 page.
/// </summary>
public sealed class PermitRevokeModel(PermitQueries permits, RevokePermit.Handler handler, TimeProvider clock, IStringLocalizer l) : PageModel
{
    public PermitCard Card { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var found = await permits.ForTicketAsync(User, code);
        if (found is null || !found.CanRevoke) return NotFound();
        Card = TicketPermitViewComponent.Card(found, clock.GetUtcNow().UtcDateTime, new Dictionary<string, string[]>());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, [FromForm] RevokePermit.Command command)
    {
        ModelState.Clear();
        var result = await handler.HandleAsync(User, code, command);
        if (result.Outcome == RevokePermit.Outcome.NotFound) return NotFound();
        if (result.Outcome == RevokePermit.Outcome.Revoked)
        {
            TempData["Flash"] = l["The permit is revoked. The client has been told."].Value;
            return Redirect(TicketDetailsModel.Address(TicketCode.Normalize(code)!));
        }
        var found = await permits.ForTicketAsync(User, code);
        if (found is null) return NotFound();
        Response.StatusCode = result.Outcome == RevokePermit.Outcome.AlreadyRevoked ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        Card = TicketPermitViewComponent.Card(found, clock.GetUtcNow().UtcDateTime, result.Errors, command.Reason, result.Problem);
        return Page();
    }
}
