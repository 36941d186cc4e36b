using Lapak.Web.Features.Helpdesk.Sla;

namespace Lapak.Tests.Features.Helpdesk.Sla;

/// <summary>
/// SLA due times in working hours (Monday to Friday, 08:00–17:00 WIB unless said otherwise) across nights,
/// weekends, holidays, pauses and time zones. 23 November 2026 is a Monday.
/// </summary>
public sealed class BusinessHoursTests
{
    private static readonly TimeZoneInfo Wib = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly TimeZoneInfo Wita = TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar");
    private static readonly BusinessHours Office = BusinessHours.OfficeHours(Wib, [new DateOnly(2026, 12, 25)]);

    /// <summary>A WIB wall-clock time as the UTC instant the calendar works with.</summary>
    private static DateTime At(int month, int day, int hour, int minute = 0) => new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-7);

    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    [Fact]
    public void Time_inside_one_working_day_adds_up_on_the_clock() =>
        Assert.Equal(At(11, 23, 13), Office.Add(At(11, 23, 9), H(4)));

    [Fact]
    public void What_does_not_fit_before_closing_continues_the_next_morning() =>
        Assert.Equal(At(11, 24, 10), Office.Add(At(11, 23, 15), H(4)));

    [Fact]
    public void A_ticket_opened_at_night_starts_counting_when_the_office_opens()
    {
        Assert.Equal(At(11, 24, 9), Office.Add(At(11, 23, 20), H(1)));
        Assert.Equal(At(11, 24, 8, 30), Office.Add(At(11, 24, 6, 30), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void The_weekend_does_not_count() =>
        Assert.Equal(At(11, 30, 10), Office.Add(At(11, 27, 16), H(3)));

    [Fact]
    public void A_holiday_counts_like_a_sunday() =>
        // Thursday 24 December 16:00 + 2 h: one hour on Thursday, Christmas Friday and the weekend off, one hour on Monday.
        Assert.Equal(At(12, 28, 9), Office.Add(At(12, 24, 16), H(2)));

    [Fact]
    public void A_target_that_ends_exactly_at_closing_is_due_at_closing_and_zero_is_due_at_once()
    {
        Assert.Equal(At(11, 23, 17), Office.Add(At(11, 23, 9), H(8)));
        Assert.Equal(At(11, 28, 3), Office.Add(At(11, 28, 3), TimeSpan.Zero));
    }

    [Fact]
    public void Working_time_between_two_instants_skips_nights_weekends_and_holidays()
    {
        Assert.Equal(H(2), Office.Between(At(11, 27, 16), At(11, 30, 9)));
        Assert.Equal(H(4 * 9), Office.Between(At(12, 21, 0), At(12, 27, 0))); // Monday to Thursday; Friday is Christmas
        Assert.Equal(TimeSpan.Zero, Office.Between(At(11, 28, 9), At(11, 29, 18)));
        Assert.Equal(TimeSpan.Zero, Office.Between(At(11, 24, 12), At(11, 24, 11)));
    }

    [Fact]
    public void Waiting_on_the_customer_stops_the_clock()
    {
        // Eight working hours from Monday 09:00; the ticket waits on the customer from Monday 11:00 to Tuesday 10:00.
        var pauses = new[] { new ClockPause(At(11, 23, 11), At(11, 24, 10)) };
        Assert.Equal(At(11, 24, 16), Office.Due(At(11, 23, 9), H(8), pauses));
        Assert.Equal(H(3), Office.Elapsed(At(11, 23, 9), At(11, 24, 11), pauses));
    }

    [Fact]
    public void A_pause_after_the_due_time_changes_nothing_and_an_open_pause_holds_the_due_time()
    {
        Assert.Equal(At(11, 23, 13), Office.Due(At(11, 23, 9), H(4), [new ClockPause(At(11, 23, 15), At(11, 24, 9))]));
        Assert.Null(Office.Due(At(11, 23, 9), H(4), [new ClockPause(At(11, 23, 10), null)]));
        Assert.Equal(H(1), Office.Elapsed(At(11, 23, 9), At(11, 25, 12), [new ClockPause(At(11, 23, 10), null)]));
    }

    [Fact]
    public void Each_calendar_counts_in_its_own_time_zone()
    {
        // 00:00 UTC is 08:00 in Makassar (WITA, open) but 07:00 in Jakarta (WIB, opens an hour later, at 01:00 UTC).
        var makassar = BusinessHours.OfficeHours(Wita);
        var start = new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(start.AddHours(1), makassar.Add(start, H(1)));
        Assert.Equal(start.AddHours(2), Office.Add(start, H(1)));
    }

    [Fact]
    public void Saturday_hours_count_when_the_calendar_has_them()
    {
        var week = Enum.GetValues<DayOfWeek>().Select(d => d switch
        {
            DayOfWeek.Sunday => new WorkingDay(d, null, null),
            DayOfWeek.Saturday => new WorkingDay(d, new TimeOnly(8, 0), new TimeOnly(12, 0)),
            _ => new WorkingDay(d, new TimeOnly(8, 0), new TimeOnly(17, 0)),
        });
        var shop = new BusinessHours(Wib, week, []);
        Assert.Equal(At(11, 28, 10), shop.Add(At(11, 27, 16), H(3)));
    }

    [Fact]
    public void A_calendar_without_working_days_is_refused() =>
        Assert.Throws<ArgumentException>(() => new BusinessHours(Wib, [new WorkingDay(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(9, 0))], []));

    [Fact]
    public void A_multi_day_holiday_entry_closes_every_day_of_its_run()
    {
        // Idul Fitri 1447 H with its cuti bersama: Friday 20 to Tuesday 24 March 2026, one entry.
        var calendar = new BusinessCalendar { Week = BusinessCalendar.OfficeWeek() };
        calendar.Holidays.Add(new BusinessHoliday { StartDate = new DateOnly(2026, 3, 20), EndDate = new DateOnly(2026, 3, 24), Name = "Idul Fitri" });
        var hours = calendar.Hours();
        // Thursday 19 March 16:00: one hour that day, the rest from Wednesday 25 March.
        Assert.Equal(At(3, 25, 10), hours.Add(At(3, 19, 16), H(3)));
        Assert.Equal(TimeSpan.Zero, hours.Between(At(3, 20, 0), At(3, 24, 23)));
    }

    [Fact]
    public void The_seeded_2026_holidays_close_lebaran_and_a_pause_over_it_adds_nothing()
    {
        var calendar = new BusinessCalendar { Week = BusinessCalendar.OfficeWeek() };
        calendar.Holidays.AddRange(IndonesianHolidays.All.Select(h => new BusinessHoliday { StartDate = h.Start, EndDate = h.End, Name = h.Name }));
        var hours = calendar.Hours();
        // Tuesday 17 March 15:00 + 4 h: 2 h on Tuesday, then Nyepi and Lebaran (18–24 March) are closed: Wednesday 25 at 10:00.
        Assert.Equal(At(3, 25, 10), hours.Add(At(3, 17, 15), H(4)));
        // Waiting on the customer through the closed days moves nothing: they were not working time anyway.
        Assert.Equal(At(3, 25, 10), hours.Due(At(3, 17, 15), H(4), [new ClockPause(At(3, 17, 17, 30), At(3, 25, 8))]));
    }

    [Fact]
    public void Seeded_holiday_entries_never_overlap()
    {
        var sorted = IndonesianHolidays.All.OrderBy(h => h.Start).ToList();
        Assert.All(sorted, h => Assert.True(h.End >= h.Start, h.Name));
        Assert.All(sorted.Zip(sorted.Skip(1)), p => Assert.True(p.Second.Start > p.First.End, $"{p.First.Name} / {p.Second.Name}"));
    }
}
