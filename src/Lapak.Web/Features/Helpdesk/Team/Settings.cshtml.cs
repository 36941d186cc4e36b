using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Teams;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

// Not ".Team": a namespace of that name would shadow the Team entity for every Helpdesk file.
namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>How new tickets reach a team: round-robin on or off, for the teams I supervise (admins: all).</summary>
public sealed class TeamSettingsModel(SetRoundRobin.Handler handler, IStringLocalizer l) : PageModel
{
    public IReadOnlyList<SetRoundRobin.TeamRow> Teams { get; private set; } = [];

    public async Task OnGetAsync() => Teams = await handler.ListAsync(User);

    public async Task<IActionResult> OnPostAsync(Guid teamId, bool roundRobin)
    {
        if (!await handler.HandleAsync(User, teamId, roundRobin)) return NotFound();
        var name = (await handler.ListAsync(User)).Single(t => t.Id == teamId).Name;
        TempData["Flash"] = roundRobin
            ? l["Round-robin is on for {0}: new tickets go to its members in turn.", name].Value
            : l["Round-robin is off for {0}: new tickets wait in the queue.", name].Value;
        return RedirectToPage();
    }
}
