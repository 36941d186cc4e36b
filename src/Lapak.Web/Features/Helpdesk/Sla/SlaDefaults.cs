using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Startup;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>
/// The SLA a fresh Lapak starts with, in production too: a target per priority and the default calendar
/// "Jam kerja (WIB)" with Indonesia's holidays. Seeded where missing only, so an admin's changes survive restarts.
/// </summary>
public sealed class SlaDefaults(LapakDbContext db, TimeProvider clock, ILogger<SlaDefaults> log) : IDefaultDataSeeder
{
    public const string DefaultCalendarName = "Jam kerja (WIB)";

    /// <summary>Urgent 30 min / 4 h, High 1 h / 8 h, Normal 4 h / 16 h, Low 8 h / 40 h of business time.</summary>
    public static IReadOnlyList<SlaTarget> Targets() =>
    [
        Target(TicketPriority.Urgent, 30, 4 * 60),
        Target(TicketPriority.High, 60, 8 * 60),
        Target(TicketPriority.Normal, 4 * 60, 16 * 60),
        Target(TicketPriority.Low, 8 * 60, 40 * 60),
    ];

    /// <summary>
    /// The warning comes a quarter of the first-response target before a due time, at least ten minutes: early enough
    /// to act on an urgent ticket (10 min of 30), not a day ahead of a low one (2 h of 8 h).
    /// </summary>
    public static int WarnBefore(int firstResponseMinutes) => Math.Max(10, firstResponseMinutes / 4);

    private static SlaTarget Target(TicketPriority p, int first, int resolution) =>
        new() { Priority = p, FirstResponseMinutes = first, ResolutionMinutes = resolution, WarnBeforeMinutes = WarnBefore(first) };

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var have = await db.Set<SlaTarget>().Select(t => t.Priority).ToListAsync(ct);
        foreach (var target in Targets().Where(t => !have.Contains(t.Priority)))
        {
            target.UpdatedAt = now;
            db.Add(target);
        }
        if (!await db.Set<BusinessCalendar>().AnyAsync(c => c.IsDefault, ct))
        {
            var calendar = new BusinessCalendar
            {
                Name = DefaultCalendarName, IsDefault = true, TimeZone = BusinessCalendar.DefaultTimeZone, Week = BusinessCalendar.OfficeWeek(),
                CreatedAt = now, UpdatedAt = now,
            };
            calendar.Holidays.AddRange(IndonesianHolidays.All.Select(h => new BusinessHoliday { StartDate = h.Start, EndDate = h.End, Name = h.Name }));
            db.Add(calendar);
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e)
        {
            // Another instance starting at the same moment seeded them first.
            log.LogInformation(e, "SLA defaults were seeded by another instance");
            db.ChangeTracker.Clear();
        }
    }
}
