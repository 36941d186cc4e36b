using Microsoft.Extensions.Localization;

namespace Lapak.Web.Infrastructure.Formatting;

/// <summary>"5 minutes ago" for recent things, the WIB date and time for older ones.</summary>
public static class RelativeTime
{
    public static string Describe(DateTime utc, DateTime nowUtc, IStringLocalizer l)
    {
        var age = nowUtc - utc;
        if (age < TimeSpan.FromMinutes(1)) return l["just now"];
        if (age < TimeSpan.FromHours(1))
            return (int)age.TotalMinutes == 1 ? l["1 minute ago"] : l["{0} minutes ago", (int)age.TotalMinutes];
        if (age < TimeSpan.FromDays(1))
            return (int)age.TotalHours == 1 ? l["1 hour ago"] : l["{0} hours ago", (int)age.TotalHours];
        // Days are counted on the Jakarta calendar: something from 23.00 yesterday is "yesterday" at 08.00.
        var days = (Display.ToJakarta(nowUtc).Date - Display.ToJakarta(utc).Date).Days;
        if (days <= 1) return l["yesterday"];
        if (days < 7) return l["{0} days ago", days];
        return Display.Wib(utc);
    }
}
