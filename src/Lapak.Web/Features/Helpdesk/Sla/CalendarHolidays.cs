using Lapak.Web.Features.Accounts.Admin;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>
/// The holidays of a calendar: added one at a time or given as a whole list, removed one at a time. Entries of one
/// calendar never overlap; a clash is refused with the name and dates of the entry it clashes with.
/// </summary>
public static class CalendarHolidays
{
    public const int NameMaxLength = 150;

    public sealed class Holiday
    {
        public DateOnly? StartDate { get; set; }
        /// <summary>Empty: a single day.</summary>
        public DateOnly? EndDate { get; set; }
        public string Name { get; set; } = "";
    }

    /// <summary>
    /// Checks a list on its own (dates, names, overlaps within it) and returns it cleaned; errors go to
    /// <paramref name="outcome"/> under "<paramref name="prefix"/>[i].Field".
    /// </summary>
    public static List<BusinessHoliday> Check(IReadOnlyList<Holiday> given, LapakText text, Outcome outcome, string prefix,
        IReadOnlyList<BusinessHoliday>? existing = null)
    {
        var accepted = new List<BusinessHoliday>(existing ?? []);
        var result = new List<BusinessHoliday>();
        for (var i = 0; i < given.Count; i++)
        {
            var h = given[i];
            var at = given.Count == 1 && prefix.Length == 0 ? "" : $"{prefix}[{i}].";
            var name = h.Name?.Trim() ?? "";
            var valid = true;
            if (name.Length == 0) { outcome.Add(at + nameof(Holiday.Name), text.Get("Enter the holiday's name.")); valid = false; }
            else if (name.Length > NameMaxLength)
            {
                outcome.Add(at + nameof(Holiday.Name), string.Format(text.Get("The name may be at most {0} characters."), NameMaxLength));
                valid = false;
            }
            if (h.StartDate is not { } start) { outcome.Add(at + nameof(Holiday.StartDate), text.Get("Enter the first day of the holiday.")); continue; }
            var end = h.EndDate ?? start;
            if (end < start) { outcome.Add(at + nameof(Holiday.EndDate), text.Get("The last day cannot be before the first day.")); continue; }
            if (end.DayNumber - start.DayNumber > 31) { outcome.Add(at + nameof(Holiday.EndDate), text.Get("A holiday can last at most a month.")); continue; }
            if (accepted.FirstOrDefault(o => o.StartDate <= end && start <= o.EndDate) is { } clash)
            {
                outcome.Add(at + nameof(Holiday.StartDate), string.Format(text.Get("These dates overlap with \"{0}\" ({1}). Change the dates or remove that entry first."),
                    clash.Name, Dates(clash.StartDate, clash.EndDate)));
                continue;
            }
            if (!valid) continue;
            var holiday = new BusinessHoliday { StartDate = start, EndDate = end, Name = name };
            accepted.Add(holiday);
            result.Add(holiday);
        }
        return result;
    }

    public static string Dates(DateOnly start, DateOnly end) =>
        start == end ? start.ToString("yyyy-MM-dd") : $"{start:yyyy-MM-dd} – {end:yyyy-MM-dd}";

    public sealed class AddHandler(LapakDbContext db, LapakText text, SlaSettingsCache cache)
    {
        public async Task<Outcome> HandleAsync(Guid calendarId, Holiday h)
        {
            if (!await db.Set<BusinessCalendar>().AnyAsync(c => c.Id == calendarId)) return Outcome.NotFound();
            var existing = await db.Set<BusinessHoliday>().AsNoTracking().Where(x => x.CalendarId == calendarId).ToListAsync();
            var outcome = Outcome.Invalid();
            var added = Check([h], text, outcome, "", existing);
            if (outcome.HasErrors) return outcome;
            var holiday = added[0];
            holiday.CalendarId = calendarId;
            db.Add(holiday);
            await db.SaveChangesAsync();
            cache.Invalidate();
            return Outcome.Done(holiday.Id);
        }
    }

    public sealed class RemoveHandler(LapakDbContext db, SlaSettingsCache cache)
    {
        public async Task<Outcome> HandleAsync(Guid calendarId, Guid holidayId)
        {
            var removed = await db.Set<BusinessHoliday>().Where(h => h.Id == holidayId && h.CalendarId == calendarId).ExecuteDeleteAsync();
            if (removed == 0) return Outcome.NotFound();
            cache.Invalidate();
            return Outcome.Done();
        }
    }
}

/// <summary>Admins delete a calendar; its team or branch falls back to the next calendar in line. The default one stays.</summary>
public static class DeleteCalendar
{
    public sealed class Handler(LapakDbContext db, LapakText text, SlaSettingsCache cache)
    {
        public async Task<Outcome> HandleAsync(Guid id)
        {
            var calendar = await db.Set<BusinessCalendar>().SingleOrDefaultAsync(c => c.Id == id);
            if (calendar is null) return Outcome.NotFound();
            if (calendar.IsDefault) return Outcome.Conflict(text.Get("The default calendar cannot be deleted; change its hours instead."));
            db.Remove(calendar);
            await db.SaveChangesAsync();
            cache.Invalidate();
            return Outcome.Done();
        }
    }
}
