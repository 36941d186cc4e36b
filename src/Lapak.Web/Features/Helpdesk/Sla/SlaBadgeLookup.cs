using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>
/// The SLA state of the tickets on a list page, read in one query by code, so the lists show "due soon" and "breached"
/// badges without their own queries changing shape.
/// </summary>
public sealed class SlaBadgeLookup(LapakDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<string, SlaState>> ForAsync(IEnumerable<string> codes)
    {
        var list = codes.Distinct().ToList();
        if (list.Count == 0) return new Dictionary<string, SlaState>();
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Set<Ticket>().AsNoTracking().Where(t => list.Contains(t.Code))
            .Select(t => new { t.Code, t.FirstResponseDueAt, t.ResolutionDueAt, t.SlaBreachedAt, t.SlaWarnedAt }).ToListAsync();
        return rows.ToDictionary(r => r.Code, r => SlaStates.Of(r.FirstResponseDueAt, r.ResolutionDueAt, r.SlaBreachedAt, r.SlaWarnedAt, now));
    }
}

/// <summary>The queue's "closest to breach" order: the soonest next due time first, tickets without one last.</summary>
public static class SlaOrder
{
    public static IQueryable<Ticket> ClosestToBreach(IQueryable<Ticket> tickets) =>
        tickets.OrderBy(t => (t.FirstResponseDueAt ?? t.ResolutionDueAt) == null ? 1 : 0)
            .ThenBy(t => t.FirstResponseDueAt ?? t.ResolutionDueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id);
}
