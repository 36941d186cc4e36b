using System.Globalization;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Accounts.Admin;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>
/// Admins create or change a business calendar: its name, zone, week and the team or branch that follows it. A new
/// calendar starts with the default calendar's holidays unless the request brings its own list; a list given on a
/// change replaces the holidays. Everything is checked first and saved at once, so a bad holiday changes nothing.
/// </summary>
public static class SaveCalendar
{
    public sealed class Command
    {
        public string Name { get; set; } = "";
        public string TimeZone { get; set; } = BusinessCalendar.DefaultTimeZone;
        public Guid? TeamId { get; set; }
        public Guid? BranchId { get; set; }
        /// <summary>Monday to Sunday, seven entries.</summary>
        public List<WeekDay> Week { get; set; } = [];
        /// <summary>Null keeps the holidays (or, for a new calendar, copies the default calendar's).</summary>
        public List<CalendarHolidays.Holiday>? Holidays { get; set; }
    }

    public sealed class WeekDay
    {
        public DayOfWeek Day { get; set; }
        public string? Open { get; set; }
        public string? Close { get; set; }
    }

    public static readonly DayOfWeek[] Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static List<WeekDay> WeekOf(BusinessCalendar c) => [.. Days.Select(d => c.Week.FirstOrDefault(w => w.Day == d) is { IsOpen: true } w
        ? new WeekDay { Day = d, Open = w.Open!.Value.ToString("HH:mm", CultureInfo.InvariantCulture), Close = w.Close!.Value.ToString("HH:mm", CultureInfo.InvariantCulture) }
        : new WeekDay { Day = d })];

    public sealed class Handler(LapakDbContext db, LapakText text, SlaSettingsCache cache, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(Guid? id, Command c)
        {
            BusinessCalendar? calendar = null;
            if (id is { } existing)
            {
                calendar = await db.Set<BusinessCalendar>().Include(x => x.Holidays).SingleOrDefaultAsync(x => x.Id == existing);
                if (calendar is null) return Outcome.NotFound();
            }
            var outcome = Outcome.Invalid();
            var name = c.Name?.Trim() ?? "";
            if (name.Length is < 2 or > 100) outcome.Add(nameof(Command.Name), text.Get("Enter a name of 2 to 100 characters."));
            else if (await db.Set<BusinessCalendar>().AnyAsync(x => x.Name == name && x.Id != id))
                outcome.Add(nameof(Command.Name), text.Get("Another calendar already has this name."));
            if (!BusinessCalendar.TimeZones.Contains(c.TimeZone)) outcome.Add(nameof(Command.TimeZone), text.Get("Choose WIB, WITA or WIT."));
            var week = CheckWeek(c.Week, outcome);
            await CheckOwnerAsync(id, calendar, c, outcome);
            var holidays = c.Holidays is null ? null : CalendarHolidays.Check(c.Holidays, text, outcome, nameof(Command.Holidays));
            if (outcome.HasErrors) return outcome;

            var now = clock.GetUtcNow().UtcDateTime;
            if (calendar is null)
            {
                calendar = new BusinessCalendar { CreatedAt = now };
                holidays ??= await db.Set<BusinessHoliday>().Where(h => db.Set<BusinessCalendar>().Any(d => d.IsDefault && d.Id == h.CalendarId))
                    .OrderBy(h => h.StartDate).Select(h => new BusinessHoliday { StartDate = h.StartDate, EndDate = h.EndDate, Name = h.Name }).ToListAsync();
                db.Add(calendar);
            }
            calendar.Name = name;
            calendar.TimeZone = c.TimeZone;
            calendar.Week = week;
            (calendar.TeamId, calendar.BranchId) = calendar.IsDefault ? (null, null) : (c.TeamId, c.BranchId);
            calendar.UpdatedAt = now;
            if (holidays is not null)
            {
                db.RemoveRange(calendar.Holidays);
                foreach (var h in holidays) db.Add(new BusinessHoliday { CalendarId = calendar.Id, StartDate = h.StartDate, EndDate = h.EndDate, Name = h.Name });
            }
            await db.SaveChangesAsync();
            cache.Invalidate();
            return Outcome.Done(calendar.Id);
        }

        private List<WorkingDay> CheckWeek(List<WeekDay> given, Outcome outcome)
        {
            var week = new List<WorkingDay>();
            foreach (var day in Days)
            {
                var d = given.FirstOrDefault(w => w.Day == day);
                var i = given.IndexOf(d!);
                var field = $"{nameof(Command.Week)}[{(i < 0 ? 0 : i)}]";
                if (d is null || string.IsNullOrWhiteSpace(d.Open) && string.IsNullOrWhiteSpace(d.Close))
                {
                    week.Add(new WorkingDay(day, null, null));
                    continue;
                }
                if (!TryTime(d.Open, out var open) || !TryTime(d.Close, out var close))
                {
                    outcome.Add(field + ".Open", text.Get("Enter both the opening and the closing time (HH:mm), or leave both empty for a closed day."));
                    continue;
                }
                if (close <= open) outcome.Add(field + ".Close", text.Get("The closing time must come after the opening time."));
                week.Add(new WorkingDay(day, open, close));
            }
            if (!outcome.HasErrors && !week.Any(w => w.IsOpen)) outcome.Add(nameof(Command.Week), text.Get("Open the calendar on at least one day of the week."));
            return week;
        }

        private static bool TryTime(string? value, out TimeOnly time) =>
            TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

        private async Task CheckOwnerAsync(Guid? id, BusinessCalendar? calendar, Command c, Outcome outcome)
        {
            if (c.TeamId is not null && c.BranchId is not null)
            {
                outcome.Add(nameof(Command.TeamId), text.Get("A calendar belongs to a team or to a branch, not both."));
                return;
            }
            if (calendar?.IsDefault == true && (c.TeamId is not null || c.BranchId is not null))
                outcome.Add(nameof(Command.TeamId), text.Get("The default calendar serves every team and branch without a calendar of its own."));
            if (c.TeamId is { } team)
            {
                if (!await db.Set<Team>().AnyAsync(t => t.Id == team)) outcome.Add(nameof(Command.TeamId), text.Get("Choose one of the teams."));
                else if (await db.Set<BusinessCalendar>().Where(x => x.TeamId == team && x.Id != id).Select(x => x.Name).FirstOrDefaultAsync() is { } other)
                    outcome.Add(nameof(Command.TeamId), string.Format(text.Get("This team already follows the calendar \"{0}\"."), other));
            }
            if (c.BranchId is { } branch)
            {
                if (!await db.Set<Branch>().AnyAsync(b => b.Id == branch)) outcome.Add(nameof(Command.BranchId), text.Get("Choose one of the branches."));
                else if (await db.Set<BusinessCalendar>().Where(x => x.BranchId == branch && x.Id != id).Select(x => x.Name).FirstOrDefaultAsync() is { } other)
                    outcome.Add(nameof(Command.BranchId), string.Format(text.Get("This branch already follows the calendar \"{0}\"."), other));
            }
        }
    }
}
