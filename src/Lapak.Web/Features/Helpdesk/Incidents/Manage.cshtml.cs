using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Incidents;

/// <summary>
/// <c>/helpdesk/incidents/{id}</c> for staff: post an update, correct the details, and once resolved, resolve the
/// linked tickets (all offered, all checked). Shows how many customers follow it and their tickets.
/// </summary>
public sealed class IncidentsManageModel(LapakDbContext db, IncidentQueries queries, PostIncidentUpdate.Handler updates,
    ChangeIncidentDetails.Handler details, ResolveLinkedTickets.Handler linked, IStringLocalizer l) : PageModel
{
    [BindProperty] public PostIncidentUpdate.Command Update { get; set; } = new();
    [BindProperty] public ChangeIncidentDetails.Command Input { get; set; } = new();

    public IncidentDetails Details { get; private set; } = null!;
    /// <summary>Open linked tickets the caller may resolve, offered once the incident is resolved.</summary>
    public IReadOnlyList<Ticket> ToResolve { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var i = Details.Incident;
        Input = new ChangeIncidentDetails.Command { Title = i.Title, Area = i.Area, Impact = i.Impact.ToString(), TechnicianId = Details.Staff?.TechnicianId };
        Update.State = i.State.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid id)
    {
        ModelState.Clear();
        var incident = await db.Set<Incident>().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null) return NotFound();
        var problems = await updates.HandleAsync(User, incident, Update);
        if (problems.Any) return await RefusedAsync(id, problems, nameof(Update));
        TempData["Flash"] = l["Your update has been published."].Value;
        return Redirect(incident.State == IncidentState.Resolved ? $"/helpdesk/incidents/{id}#linked-tickets" : $"/helpdesk/incidents/{id}");
    }

    public async Task<IActionResult> OnPostDetailsAsync(Guid id)
    {
        ModelState.Clear();
        var incident = await db.Set<Incident>().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null) return NotFound();
        // The form always sends every field, and a cleared one arrives as null, which would mean "keep" to the use case.
        Input.Title ??= "";
        Input.Area ??= "";
        Input.Impact ??= "";
        var problems = await details.HandleAsync(User, incident, Input);
        if (problems.Any) return await RefusedAsync(id, problems, nameof(Input));
        TempData["Flash"] = l["The incident's details have been saved."].Value;
        return Redirect($"/helpdesk/incidents/{id}");
    }

    public async Task<IActionResult> OnPostResolveLinkedAsync(Guid id, List<string> codes)
    {
        ModelState.Clear();
        var incident = await db.Set<Incident>().SingleOrDefaultAsync(i => i.Id == id);
        if (incident is null) return NotFound();
        var (resolved, problems) = await linked.HandleAsync(User, incident, new ResolveLinkedTickets.Command { Codes = codes });
        if (problems.Any) return await RefusedAsync(id, problems, "Linked");
        TempData["Flash"] = l["{0} linked tickets resolved; their customers have been told.", resolved.Count].Value;
        return Redirect($"/helpdesk/incidents/{id}");
    }

    private async Task<IActionResult> RefusedAsync(Guid id, IncidentProblems problems, string prefix)
    {
        if (problems.Forbidden is not null) return Forbid();
        problems.AddTo(ModelState, prefix);
        await LoadAsync(id);
        if (prefix != nameof(Input))
        {
            var i = Details.Incident;
            Input = new ChangeIncidentDetails.Command { Title = i.Title, Area = i.Area, Impact = i.Impact.ToString(), TechnicianId = Details.Staff?.TechnicianId };
        }
        Response.StatusCode = problems.Conflict is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await queries.DetailsAsync(User, id) is not { } found) return false;
        Details = found;
        if (found.Incident.State == IncidentState.Resolved) ToResolve = await linked.CandidatesAsync(User, id);
        return true;
    }
}
