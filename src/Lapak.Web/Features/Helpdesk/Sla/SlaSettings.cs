using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>The targets, calendars and team branches the SLA clock works from, read once and kept briefly.</summary>
public sealed record SlaSettings(IReadOnlyDictionary<TicketPriority, SlaTarget> Targets, IReadOnlyList<BusinessCalendar> Calendars,
    IReadOnlyDictionary<Guid, Guid?> TeamBranches)
{
    /// <summary>The team's calendar, else the ticket's branch's, else the team's branch's, else the default.</summary>
    public BusinessCalendar? CalendarFor(Guid? teamId, Guid? branchId)
    {
        var teamBranch = teamId is { } t ? TeamBranches.GetValueOrDefault(t) : null;
        return (teamId is null ? null : Calendars.FirstOrDefault(c => c.TeamId == teamId))
            ?? (branchId is null ? null : Calendars.FirstOrDefault(c => c.BranchId == branchId))
            ?? (teamBranch is null ? null : Calendars.FirstOrDefault(c => c.BranchId == teamBranch))
            ?? Calendars.FirstOrDefault(c => c.IsDefault);
    }
}

/// <summary>
/// Every ticket write needs the SLA settings; they change a few times a year. A minute's cache keeps them off the
/// busiest path; the admin use cases drop it at once, and other instances pick a change up within the minute.
/// </summary>
public sealed class SlaSettingsCache(IMemoryCache cache)
{
    private const string Key = "helpdesk-sla-settings";

    public async Task<SlaSettings> GetAsync(LapakDbContext db, CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key, out SlaSettings? settings) && settings is not null) return settings;
        settings = await LoadAsync(db, ct);
        cache.Set(Key, settings, TimeSpan.FromMinutes(1));
        return settings;
    }

    /// <summary>Reads the settings afresh, for work that must see the latest calendars (the report facts).</summary>
    public static async Task<SlaSettings> LoadAsync(LapakDbContext db, CancellationToken ct = default)
    {
        var targets = await db.Set<SlaTarget>().AsNoTracking().ToDictionaryAsync(t => t.Priority, ct);
        var calendars = await db.Set<BusinessCalendar>().AsNoTracking().Include(c => c.Holidays).AsSplitQuery().ToListAsync(ct);
        var teams = await db.Set<Team>().AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.BranchId, ct);
        return new SlaSettings(targets, calendars, teams);
    }

    public void Invalidate() => cache.Remove(Key);
}
