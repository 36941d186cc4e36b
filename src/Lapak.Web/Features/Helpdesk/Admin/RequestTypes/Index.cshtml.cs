using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Admin.RequestTypes;

public sealed record RequestTypeRow(RequestType Type, string? TeamName, int Tickets);

/// <summary>Every request type, active or not, in the order customers see them.</summary>
public sealed class RequestTypesModel(LapakDbContext db) : PageModel
{
    public List<RequestTypeRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var types = await db.Set<RequestType>().AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.NameId).ToListAsync();
        var teams = await db.Set<Team>().ToDictionaryAsync(t => t.Id, t => t.Name);
        var counts = await db.Set<Ticket>().GroupBy(t => t.RequestTypeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        Rows = types.Select(t => new RequestTypeRow(t, t.DefaultTeamId is { } id ? teams.GetValueOrDefault(id) : null, counts.GetValueOrDefault(t.Id))).ToList();
    }
}
