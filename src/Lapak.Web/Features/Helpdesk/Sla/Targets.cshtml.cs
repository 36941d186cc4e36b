using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>The four SLA targets in one form (admins).</summary>
public sealed class SlaTargetsModel(LapakDbContext db, SaveSlaTargets.Handler save, LapakText text, IStringLocalizer l) : PageModel
{
    [BindProperty] public SaveSlaTargets.Command Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        var targets = await db.Set<SlaTarget>().AsNoTracking().ToListAsync();
        Input.Targets = [.. targets.OrderByDescending(t => t.Priority).Select(t => new SaveSlaTargets.Item
        {
            Priority = t.Priority, FirstResponseMinutes = t.FirstResponseMinutes, ResolutionMinutes = t.ResolutionMinutes, WarnBeforeMinutes = t.WarnBeforeMinutes,
        })];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear(); // the use case checks everything, with messages in the reader's language
        var outcome = await save.HandleAsync(Input);
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, nameof(Input));
            if (outcome.Errors.ContainsKey(nameof(SaveSlaTargets.Command.Targets))) outcome.CopyToSummary(ModelState);
            return Page();
        }
        TempData["Flash"] = l["The SLA targets have been saved."].Value;
        return RedirectToPage();
    }

    public string PriorityName(TicketPriority p) => TicketLabels.Priority(p, text);

    /// <summary>"4 h", "1 h 30 min", "30 min": the target as a person reads it.</summary>
    public string Readable(int minutes) => minutes >= 60
        ? minutes % 60 == 0 ? l["{0} h", minutes / 60] : l["{0} h {1} min", minutes / 60, minutes % 60]
        : l["{0} min", minutes];
}
