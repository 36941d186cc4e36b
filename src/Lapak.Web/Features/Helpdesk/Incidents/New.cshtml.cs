using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Incidents;

/// <summary>
/// <c>/helpdesk/incidents/new</c>: declare an incident; with <c>?ticket=CODE</c> it is "mark as public incident", filled
/// from a ticket the agent works (anyone else's ticket is not found).
/// </summary>
public sealed class IncidentsNewModel(TicketAccess access, DeclareIncident.Handler declare,
    MarkTicketAsIncident.Handler mark, IStringLocalizer l) : PageModel
{
    [BindProperty] public DeclareIncident.Command Input { get; set; } = new() { Impact = nameof(IncidentImpact.Major) };

    /// <summary>The ticket being marked, when there is one.</summary>
    public Ticket? Source { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? ticket)
    {
        if (!string.IsNullOrWhiteSpace(ticket))
        {
            Source = await access.FindAsync(User, ticket);
            if (Source is null || !TicketAccess.Works(User, Source)) return NotFound();
            Input = MarkTicketAsIncident.Prefill(Source, User.RequiredUserId());
        }
        else Input.TechnicianId = User.RequiredUserId();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        (Incident? Incident, IncidentProblems Problems) result;
        if (!string.IsNullOrWhiteSpace(Input.SourceTicketCode))
        {
            Source = await access.FindAsync(User, Input.SourceTicketCode);
            if (Source is null || !TicketAccess.Works(User, Source)) return NotFound();
            result = await mark.HandleAsync(User, Source, Input);
        }
        else result = await declare.HandleAsync(User, Input);
        if (result.Incident is null)
        {
            result.Problems.AddTo(ModelState, nameof(Input));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Flash"] = l["The incident \"{0}\" is on the service status page.", result.Incident.Title].Value;
        return Redirect($"/helpdesk/incidents/{result.Incident.Id}");
    }
}
