using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>The SLA of one priority: how much business time may pass before the first response and the resolution.</summary>
public sealed class SlaTarget
{
    public TicketPriority Priority { get; set; }
    public int FirstResponseMinutes { get; set; }
    public int ResolutionMinutes { get; set; }
    /// <summary>The assignee is warned this many business minutes before either due time.</summary>
    public int WarnBeforeMinutes { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// Working days and hours in one time zone, with holidays. A ticket follows its team's calendar, else its branch's,
/// else the default one (<see cref="IsDefault"/>).
/// </summary>
public sealed class BusinessCalendar
{
    public const string DefaultTimeZone = "Asia/Jakarta";
    /// <summary>WIB, WITA, WIT: the three zones an admin may choose.</summary>
    public static readonly string[] TimeZones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"];

    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public string TimeZone { get; set; } = DefaultTimeZone;
    public bool IsDefault { get; set; }
    public Guid? TeamId { get; set; }
    public Guid? BranchId { get; set; }
    /// <summary>The week as JSON: seven <see cref="WorkingDay"/> entries, closed days without hours.</summary>
    public string WeekJson { get; set; } = "[]";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<BusinessHoliday> Holidays { get; set; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<WorkingDay> Week
    {
        get => JsonSerializer.Deserialize<List<WorkingDay>>(WeekJson, Json) ?? [];
        set => WeekJson = JsonSerializer.Serialize(value, Json);
    }

    /// <summary>Monday to Friday, 08:00–17:00.</summary>
    public static IReadOnlyList<WorkingDay> OfficeWeek() =>
        [.. Enum.GetValues<DayOfWeek>().Select(d => d is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? new WorkingDay(d, null, null) : new WorkingDay(d, new TimeOnly(8, 0), new TimeOnly(17, 0)))];

    /// <summary>The arithmetic for this calendar; every holiday day from start to end is closed.</summary>
    public BusinessHours Hours() => new(TimeZoneInfo.FindSystemTimeZoneById(TimeZone), Week,
        Holidays.SelectMany(h => Enumerable.Range(0, h.EndDate.DayNumber - h.StartDate.DayNumber + 1).Select(h.StartDate.AddDays)));
}

/// <summary>A closed day or run of days (Idul Fitri and its cuti bersama) in a calendar; entries of one calendar never overlap.</summary>
public sealed class BusinessHoliday
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CalendarId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public string Name { get; set; } = "";
}

internal sealed class SlaConfiguration :
    IEntityTypeConfiguration<SlaTarget>, IEntityTypeConfiguration<BusinessCalendar>, IEntityTypeConfiguration<BusinessHoliday>
{
    public void Configure(EntityTypeBuilder<SlaTarget> b)
    {
        b.ToTable("helpdesk_sla_targets");
        b.HasKey(x => x.Priority);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<BusinessCalendar> b)
    {
        b.ToTable("helpdesk_calendars");
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.TimeZone).HasMaxLength(40).IsRequired();
        b.Property(x => x.WeekJson).HasMaxLength(2000).IsRequired();
        b.Ignore(x => x.Week);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.TeamId).IsUnique().HasFilter("\"TeamId\" IS NOT NULL");
        b.HasIndex(x => x.BranchId).IsUnique().HasFilter("\"BranchId\" IS NOT NULL");
        b.HasMany(x => x.Holidays).WithOne().HasForeignKey(x => x.CalendarId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<BusinessHoliday> b)
    {
        b.ToTable("helpdesk_calendar_holidays");
        b.Property(x => x.Name).HasMaxLength(150).IsRequired();
        b.HasIndex(x => new { x.CalendarId, x.StartDate });
    }
}
