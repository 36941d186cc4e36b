using Lapak.Web.Features.Helpdesk.Sla;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Formatting;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Reports;

/// <summary>
/// The business calendar a ticket's durations are measured in: its team's, else its branch's, else the default one,
/// else office hours in WIB. Loaded once per updater run; calendars are a handful of rows.
/// </summary>
public sealed class ReportCalendars
{
    private readonly Dictionary<Guid, BusinessHours> _byTeam = [];
    private readonly Dictionary<Guid, BusinessHours> _byBranch = [];
    private BusinessHours _default = BusinessHours.OfficeHours(Display.Jakarta);

    public static async Task<ReportCalendars> LoadAsync(LapakDbContext db, CancellationToken ct)
    {
        var result = new ReportCalendars();
        var calendars = await db.Set<BusinessCalendar>().AsNoTracking().Include(c => c.Holidays).ToListAsync(ct);
        foreach (var c in calendars)
        {
            BusinessHours hours;
            try { hours = c.Hours(); }
            catch (ArgumentException) { continue; } // a calendar without a working day cannot measure anything
            if (c.TeamId is { } team) result._byTeam[team] = hours;
            if (c.BranchId is { } branch) result._byBranch[branch] = hours;
            if (c.IsDefault) result._default = hours;
        }
        return result;
    }

    public BusinessHours For(Guid? teamId, Guid? branchId) =>
        teamId is { } t && _byTeam.TryGetValue(t, out var byTeam) ? byTeam
        : branchId is { } b && _byBranch.TryGetValue(b, out var byBranch) ? byBranch
        : _default;
}
