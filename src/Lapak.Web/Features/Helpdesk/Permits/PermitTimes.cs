using System.Globalization;
using Lapak.Web.Features.Helpdesk.Escalations;

namespace Lapak.Web.Features.Helpdesk.Permits;

/// <summary>
/// Times on a permit read in the branch's own zone with its Indonesian name (WIB, WITA, WIT), because that is the clock
/// the gate guard and the visitors go by, wherever the reader is. Zones and conversions are <see cref="BranchTime"/>'s;
/// a permit only adds the weekday, which a visitor plans by.
/// </summary>
public static class PermitTimes
{
    public static string Abbreviation(string? timeZone) => BranchTime.Abbreviation(timeZone);

    public static CultureInfo Culture(string language) => BranchTime.Culture(language);

    public static DateTime ToLocal(DateTime utc, string? timeZone) => BranchTime.ToLocal(utc, timeZone);

    public static DateTime ToUtc(DateTime local, string? timeZone) => BranchTime.ToUtc(local, timeZone);

    /// <summary>"Selasa, 24 Nov 2026 09:00 – 12:00 WITA", or both dates when the window spans days.</summary>
    public static string Window(DateTime startUtc, DateTime endUtc, string? timeZone, string language)
    {
        var culture = Culture(language);
        var (start, end) = (ToLocal(startUtc, timeZone), ToLocal(endUtc, timeZone));
        var to = start.Date == end.Date ? end.ToString("HH:mm", culture) : end.ToString("ddd, d MMM yyyy HH:mm", culture);
        return $"{start.ToString("ddd, d MMM yyyy HH:mm", culture)} – {to} {Abbreviation(timeZone)}";
    }

    /// <summary>"24 Nov 2026 16:05 WIB" in the branch's zone.</summary>
    public static string Instant(DateTime utc, string? timeZone, string language) => BranchTime.Format(utc, timeZone, language);
}
