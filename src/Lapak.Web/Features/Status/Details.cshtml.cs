using Lapak.Web.Features.Helpdesk.Incidents;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Status;

/// <summary>
/// <c>/status/{id}</c>: one incident and its update timeline, for anyone. It also takes the "this affects me" and
/// "no longer affects me" forms of both status pages (sign-in needed) and sends the customer back where they were.
/// </summary>
public sealed class StatusDetailsModel(IncidentQueries queries, LapakDbContext db, AttachToIncident.Handler attach, IStringLocalizer l) : PageModel
{
    public IncidentDetails Details { get; private set; } = null!;
    public IReadOnlyList<OwnTicketChoice>? OwnTickets { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAttachAsync(Guid id, string? ticketCode, bool list)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        var incident = await db.Set<Incident>().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null) return NotFound();
        var problems = await attach.HandleAsync(User, incident, new AttachToIncident.Command { TicketCode = ticketCode });
        if (problems.NotFound) return NotFound();
        if (problems.Any)
        {
            Problem = problems.Conflict ?? problems.Errors.Values.SelectMany(e => e).First();
            await LoadAsync(id);
            Response.StatusCode = problems.Conflict is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return Page();
        }
        TempData["Flash"] = l["We will keep you posted on this incident."].Value;
        return Redirect(Back(id, list));
    }

    public async Task<IActionResult> OnPostDetachAsync(Guid id, bool list)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        var incident = await db.Set<Incident>().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null) return NotFound();
        await attach.DetachAsync(User, incident);
        TempData["Flash"] = l["You no longer follow this incident."].Value;
        return Redirect(Back(id, list));
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await queries.DetailsAsync(User, id) is not { } details) return false;
        Details = details;
        if (User.Identity?.IsAuthenticated == true) OwnTickets = await queries.OpenTicketsOfAsync(User);
        return true;
    }

    public static string Address(Guid id) => $"/status/{id}";

    private static string Back(Guid id, bool list) => list ? $"/status#incident-{id}" : Address(id);
}
