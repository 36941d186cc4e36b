using System.Globalization;
using Lapak.Web.Features.Accounts.Admin;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>Due times in the calendar's own zone: "24 Nov 2026 16.05 WITA", like <c>Display.Wib</c> does for WIB.</summary>
public static class SlaTime
{
    private static readonly CultureInfo Indonesia = CultureInfo.GetCultureInfo("id-ID");

    public static string Local(DateTime utc, string timeZone, string? language = null)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var english = (language ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) == "en";
        return local.ToString("d MMM yyyy HH:mm", english ? CultureInfo.GetCultureInfo("en-GB") : Indonesia) + " " + AdminLabels.ZoneAbbreviation(timeZone);
    }
}

/// <summary>Where a due time stands, for the ticket card and the list badges.</summary>
public enum SlaState { None, OnTime, DueSoon, Breached, Paused, Met }

public static class SlaStates
{
    /// <summary>
    /// The state of a ticket's next due time. "Due soon" starts an hour before in wall-clock time on the lists (the
    /// runner warns by business time; a list only needs to rank what is close).
    /// </summary>
    public static SlaState Of(DateTime? firstResponseDue, DateTime? resolutionDue, DateTime? breachedAt, DateTime? warnedAt, DateTime now)
    {
        var next = firstResponseDue ?? resolutionDue;
        if (next is not { } due) return SlaState.None;
        if (due <= now || breachedAt is not null) return SlaState.Breached;
        if (warnedAt is not null || due - now <= DueSoonWindow) return SlaState.DueSoon;
        return SlaState.OnTime;
    }

    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromHours(1);
}
