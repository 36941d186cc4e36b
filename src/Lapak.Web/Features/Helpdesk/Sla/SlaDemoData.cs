using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Startup;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>
/// The demo tickets are written straight into the database, past the use cases that keep due times; this gives the
/// live ones theirs, so the SLA card and the queue badges have something to show. Runs after the helpdesk's demo data.
/// </summary>
public sealed class SlaDemoData(LapakDbContext db, SlaClock clock, TimeProvider time) : IDemoDataSeeder
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var live = await db.Set<Ticket>().Where(t => t.Status != TicketStatus.Closed && t.ResolutionDueAt == null).ToListAsync(ct);
        foreach (var ticket in live) await clock.ApplyAsync(ticket, now, ct);
        await db.SaveChangesAsync(ct);
    }
}
