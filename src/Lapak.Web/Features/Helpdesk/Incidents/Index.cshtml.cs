using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Helpdesk.Incidents;

/// <summary><c>/helpdesk/incidents</c>: every incident for staff, ongoing first, with a way to declare a new one.</summary>
public sealed class IncidentsIndexModel(IncidentQueries queries) : PageModel
{
    public IReadOnlyList<IncidentView> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await queries.AllAsync(User);
}
