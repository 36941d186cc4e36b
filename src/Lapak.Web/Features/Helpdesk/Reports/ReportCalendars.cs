using Lapak.Web.Features.Helpdesk.Sla;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Formatting;

namespace Lapak.Web.Features.Helpdesk.Reports;

/// <summary>
/// The business calendar a ticket's durations are measured in: the one its SLA due times come from
/// (<see cref="SlaSettings.CalendarFor"/>), else office hours in WIB. Loaded once per updater run.
/// </summary>
public sealed class ReportCalendars
{
    private static readonly BusinessHours OfficeHours = BusinessHours.OfficeHours(Display.Jakarta);
    private readonly SlaSettings _settings;
    private readonly Dictionary<Guid, BusinessHours> _hours = [];

    private ReportCalendars(SlaSettings settings) => _settings = settings;

    public static async Task<ReportCalendars> LoadAsync(LapakDbContext db, CancellationToken ct) => new(await SlaSettingsCache.LoadAsync(db, ct));

    public BusinessHours For(Guid? teamId, Guid? branchId)
    {
        if (_settings.CalendarFor(teamId, branchId) is not { } calendar) return OfficeHours;
        if (_hours.TryGetValue(calendar.Id, out var hours)) return hours;
        try { hours = calendar.Hours(); }
        catch (ArgumentException) { hours = OfficeHours; } // a calendar without a working day cannot measure anything
        return _hours[calendar.Id] = hours;
    }
}
