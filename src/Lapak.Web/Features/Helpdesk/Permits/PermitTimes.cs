using System.Globalization;
using Lapak.Web.Features.Helpdesk.Sla;

namespace Lapak.Web.Features.Helpdesk.Permits;

/// <summary>
/// Times on a permit read in the branch's own zone with its Indonesian name (WIB, WITA, WIT), because that is the clock
/// the gate guard and the visitors go by, wherever the reader is.
/// </summary>
public static class PermitTimes
{
    public static TimeZoneInfo Zone(string? timeZone)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(timeZone) ? BusinessCalendar.DefaultTimeZone : timeZone); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.FindSystemTimeZoneById(BusinessCalendar.DefaultTimeZone); }
    }

    public static string Abbreviation(string? timeZone) => timeZone switch
    {
        "Asia/Makassar" => "WITA",
        "Asia/Jayapura" => "WIT",
        _ => "WIB",
    };

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "id-ID");

    public static DateTime ToLocal(DateTime utc, string? timeZone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(timeZone));

    public static DateTime ToUtc(DateTime local, string? timeZone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone(timeZone));

    /// <summary>"Selasa, 24 Nov 2026 09:00 – 12:00 WITA", or both dates when the window spans days.</summary>
    public static string Window(DateTime startUtc, DateTime endUtc, string? timeZone, string language)
    {
        var culture = Culture(language);
        var (start, end) = (ToLocal(startUtc, timeZone), ToLocal(endUtc, timeZone));
        var to = start.Date == end.Date ? end.ToString("HH:mm", culture) : end.ToString("ddd, d MMM yyyy HH:mm", culture);
        return $"{start.ToString("ddd, d MMM yyyy HH:mm", culture)} – {to} {Abbreviation(timeZone)}";
    }

    /// <summary>"24 Nov 2026 16:05 WIB" in the branch's zone.</summary>
    public static string Instant(DateTime utc, string? timeZone, string language) =>
        ToLocal(utc, timeZone).ToString("d MMM yyyy HH:mm", Culture(language)) + " " + Abbreviation(timeZone);
}
