using System.Globalization;
using Lapak.Web.Features.Helpdesk.Sla;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Lapak.Web.Features.Helpdesk.Escalations;

/// <summary>
/// The reason of an automatic escalation is stored as a neutral token (<c>sla:Resolution:2026-11-24T09:05:00Z</c>) rather
/// than a sentence, so the history and the notification read it in the reader's language, with the due time in WIB.
/// A person's reason is their own words and is shown as written.
/// </summary>
public static class EscalationReason
{
    private const string Prefix = "sla:";
    private const string FirstResponseText = "The first response was due {0} and did not happen in time.";
    private const string ResolutionText = "The resolution was due {0} and did not happen in time.";

    public static string ForBreach(SlaMeasure missed, DateTime dueUtc) =>
        $"{Prefix}{missed}:{DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}";

    /// <summary>The reason as <paramref name="language"/> ("id" or "en") reads it.</summary>
    public static string Readable(string? reason, LapakText text, string language) => Readable(reason, key => text.Get(key, language), language);

    public static string Readable(string? reason, LapakText text) => Readable(reason, text, LapakCultures.Current);

    /// <summary>For views, which have the localizer of the request's language at hand.</summary>
    public static string Readable(string? reason, IStringLocalizer l) => Readable(reason, key => l[key], LapakCultures.Current);

    private static string Readable(string? reason, Func<string, string> translate, string language)
    {
        if (reason is null || !reason.StartsWith(Prefix, StringComparison.Ordinal)) return reason ?? "";
        var parts = reason[Prefix.Length..].Split(':', 2);
        if (parts.Length != 2 || !Enum.TryParse<SlaMeasure>(parts[0], out var measure)
            || !DateTime.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var due))
            return reason;
        var when = BranchTime.Format(due, null, language);
        return string.Format(translate(measure == SlaMeasure.FirstResponse ? FirstResponseText : ResolutionText), when);
    }
}
