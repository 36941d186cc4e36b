using System.Globalization;
using Lapak.Web.Features.Accounts.Admin;
using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Web.Features.Helpdesk.Escalations;

/// <summary>
/// Times at a branch in its own zone with the Indonesian abbreviation (WIB, WITA, WIT), so a visit in Makassar reads
/// as the visitor will live it. Without a zone it is WIB, as everywhere else in Lapak.
/// </summary>
public static class BranchTime
{
    public const string DefaultZone = "Asia/Jakarta";

    public static TimeZoneInfo Zone(string? id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? DefaultZone : id); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.FindSystemTimeZoneById(DefaultZone); }
    }

    public static string Abbreviation(string? id) => AdminLabels.ZoneAbbreviation(id ?? DefaultZone);

    public static DateTime ToLocal(DateTime utc, string? zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(zone));

    /// <summary>A wall-clock time at the branch (as typed into a visit window) in UTC.</summary>
    public static DateTime ToUtc(DateTime local, string? zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone(zone));

    public static CultureInfo Culture(string language) =>
        CultureInfo.GetCultureInfo(language == LapakCultures.English ? "en-GB" : "id-ID");

    /// <summary>"24 Nov 2026 16.05 WITA" (Indonesian) or "24 Nov 2026 16:05 WITA" (English).</summary>
    public static string Format(DateTime utc, string? zone, string? language = null) =>
        ToLocal(utc, zone).ToString("d MMM yyyy HH:mm", Culture(language ?? LapakCultures.Current)) + " " + Abbreviation(zone);

    /// <summary>"24 Nov 2026 09.00 – 12.00 WIB", or both dates when the window spans days.</summary>
    public static string Window(DateTime startUtc, DateTime endUtc, string? zone, string? language = null)
    {
        var culture = Culture(language ?? LapakCultures.Current);
        var (start, end) = (ToLocal(startUtc, zone), ToLocal(endUtc, zone));
        var to = start.Date == end.Date ? end.ToString("HH:mm", culture) : end.ToString("d MMM yyyy HH:mm", culture);
        return $"{start.ToString("d MMM yyyy HH:mm", culture)} – {to} {Abbreviation(zone)}";
    }
}
