namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>The working hours of one day of the week, in the calendar's local time; closed when <see cref="Open"/> is null.</summary>
public sealed record WorkingDay(DayOfWeek Day, TimeOnly? Open, TimeOnly? Close)
{
    public bool IsOpen => Open is { } o && Close is { } c && c > o;
}

/// <summary>A span during which the SLA clock stands still (the ticket waits on the customer); open-ended while it lasts.</summary>
public sealed record ClockPause(DateTime FromUtc, DateTime? UntilUtc);

/// <summary>
/// Business-hours arithmetic for SLA due times: working hours per weekday in one time zone (WIB, WITA or WIT), minus
/// holidays (whole local days), minus pauses. All instants in and out are UTC; only the walk over days is local.
/// Indonesia keeps no daylight saving time, but the conversion goes through <see cref="TimeZoneInfo"/> anyway.
/// </summary>
public sealed class BusinessHours
{
    // A calendar that never opens would make "add eight hours" walk forever; ten years is far past any SLA.
    private const int MaxDays = 3660;

    private readonly Dictionary<DayOfWeek, WorkingDay> _days;
    private readonly HashSet<DateOnly> _holidays;

    public BusinessHours(TimeZoneInfo zone, IEnumerable<WorkingDay> week, IEnumerable<DateOnly> holidays)
    {
        Zone = zone;
        _days = week.Where(d => d.IsOpen).ToDictionary(d => d.Day);
        if (_days.Count == 0) throw new ArgumentException("A business calendar needs at least one working day.", nameof(week));
        _holidays = [.. holidays];
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>Monday to Friday, 08:00–17:00 in <paramref name="zone"/>: the default calendar.</summary>
    public static BusinessHours OfficeHours(TimeZoneInfo zone, IEnumerable<DateOnly>? holidays = null) =>
        new(zone, Enum.GetValues<DayOfWeek>().Select(d => d is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? new WorkingDay(d, null, null) : new WorkingDay(d, new TimeOnly(8, 0), new TimeOnly(17, 0))), holidays ?? []);

    /// <summary>The instant when <paramref name="duration"/> of working time has passed after <paramref name="startUtc"/>.</summary>
    public DateTime Add(DateTime startUtc, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration));
        if (duration == TimeSpan.Zero) return startUtc;
        var remaining = duration;
        var local = ToLocal(startUtc);
        for (var day = 0; day < MaxDays; day++)
        {
            if (Window(DateOnly.FromDateTime(local)) is var (open, close))
            {
                var from = local > open ? local : open;
                if (from < close)
                {
                    var available = close - from;
                    if (remaining <= available) return ToUtc(from + remaining);
                    remaining -= available;
                }
            }
            local = local.Date.AddDays(1);
        }
        throw new InvalidOperationException("The business calendar has no working time within ten years.");
    }

    /// <summary>The working time between two instants (zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>).</summary>
    public TimeSpan Between(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc <= fromUtc) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        var from = ToLocal(fromUtc);
        var to = ToLocal(toUtc);
        for (var date = DateOnly.FromDateTime(from); date <= DateOnly.FromDateTime(to); date = date.AddDays(1))
        {
            if (Window(date) is not var (open, close)) continue;
            var start = from > open ? from : open;
            var end = to < close ? to : close;
            if (end > start) total += end - start;
        }
        return total;
    }

    /// <summary>
    /// The due time of a <paramref name="target"/> started at <paramref name="startUtc"/> when the clock stood still
    /// during <paramref name="pauses"/>; null while a pause that would hold the due time is still open.
    /// </summary>
    public DateTime? Due(DateTime startUtc, TimeSpan target, IEnumerable<ClockPause> pauses)
    {
        var remaining = target;
        var cursor = startUtc;
        foreach (var pause in pauses.Where(p => p.UntilUtc is null || p.UntilUtc > startUtc).OrderBy(p => p.FromUtc))
        {
            if (pause.FromUtc > cursor)
            {
                var worked = Between(cursor, pause.FromUtc);
                if (worked >= remaining) return Add(cursor, remaining);
                remaining -= worked;
            }
            if (pause.UntilUtc is not { } until) return null; // waiting on the customer right now
            if (until > cursor) cursor = until;
        }
        return Add(cursor, remaining);
    }

    /// <summary>Working time spent since <paramref name="startUtc"/> up to <paramref name="nowUtc"/>, pauses left out.</summary>
    public TimeSpan Elapsed(DateTime startUtc, DateTime nowUtc, IEnumerable<ClockPause> pauses)
    {
        var total = Between(startUtc, nowUtc);
        foreach (var p in pauses)
        {
            var from = p.FromUtc > startUtc ? p.FromUtc : startUtc;
            var until = p.UntilUtc is { } u && u < nowUtc ? u : nowUtc;
            total -= Between(from, until);
        }
        return total < TimeSpan.Zero ? TimeSpan.Zero : total;
    }

    private (DateTime Open, DateTime Close)? Window(DateOnly date)
    {
        if (_holidays.Contains(date) || !_days.TryGetValue(date.DayOfWeek, out var day)) return null;
        return (date.ToDateTime(day.Open!.Value), date.ToDateTime(day.Close!.Value));
    }

    private DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    private DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
}
