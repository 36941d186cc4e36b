using Lapak.Web.Features.Helpdesk.Incidents;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Status;

/// <summary>
/// <c>/status</c>: the public service status (seed 001). Anyone sees the ongoing incidents with their area and
/// technician, and those resolved in the last week; a signed-in customer may say "this affects me". It updates live.
/// </summary>
public sealed class StatusIndexModel(IncidentQueries queries) : PageModel
{
    public IncidentBoard Board { get; private set; } = new([], []);
    /// <summary>The signed-in caller's open tickets for the "this affects me" picker; null for visitors.</summary>
    public IReadOnlyList<OwnTicketChoice>? OwnTickets { get; private set; }

    public async Task OnGetAsync()
    {
        Board = await queries.BoardAsync(User);
        if (User.Identity?.IsAuthenticated == true) OwnTickets = await queries.OpenTicketsOfAsync(User);
    }
}
