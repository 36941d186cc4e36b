using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>The business calendars, the default first, with who follows each (admins).</summary>
public sealed class CalendarsModel(LapakDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string TimeZone, bool IsDefault, string? Team, string? Branch, int Holidays, IReadOnlyList<SaveCalendar.WeekDay> Week);

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var calendars = await db.Set<BusinessCalendar>().AsNoTracking().OrderByDescending(c => c.IsDefault).ThenBy(c => c.Name).ToListAsync();
        var counts = await db.Set<BusinessHoliday>().GroupBy(h => h.CalendarId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var teams = await db.Set<Team>().ToDictionaryAsync(t => t.Id, t => t.Name);
        var branches = await db.Set<Branch>().ToDictionaryAsync(b => b.Id, b => b.Name);
        Items = [.. calendars.Select(c => new Row(c.Id, c.Name, c.TimeZone, c.IsDefault, c.TeamId is { } t ? teams.GetValueOrDefault(t) : null,
            c.BranchId is { } b ? branches.GetValueOrDefault(b) : null, counts.GetValueOrDefault(c.Id), SaveCalendar.WeekOf(c)))];
    }
}
