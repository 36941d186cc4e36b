using System.Globalization;
using Lapak.Web.Infrastructure.Formatting;
using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Web.Features.Helpdesk.Reports;

/// <summary>
/// A report's period (whole days in WIB, both ends included) and filters. <see cref="FromUtc"/>–<see cref="ToUtc"/> is the
/// half-open UTC span the queries compare instants with.
/// </summary>
public sealed record ReportFilter(DateOnly From, DateOnly To, Guid? TeamId, Guid? BranchId, Guid? TypeId)
{
    public const int MaxDays = 3 * 366;

    public DateTime FromUtc => TimeZoneInfo.ConvertTimeToUtc(From.ToDateTime(TimeOnly.MinValue), Display.Jakarta);
    public DateTime ToUtc => TimeZoneInfo.ConvertTimeToUtc(To.AddDays(1).ToDateTime(TimeOnly.MinValue), Display.Jakarta);
    public int Days => To.DayNumber - From.DayNumber + 1;

    public string Key => $"{From:yyyy-MM-dd}|{To:yyyy-MM-dd}|{TeamId}|{BranchId}|{TypeId}";

    /// <summary>The query string that reproduces this filter, for download links.</summary>
    public string Query => string.Join("&", new[]
    {
        $"from={From:yyyy-MM-dd}", $"to={To:yyyy-MM-dd}",
        TeamId is { } t ? $"teamId={t}" : null, BranchId is { } b ? $"branchId={b}" : null, TypeId is { } ty ? $"typeId={ty}" : null,
    }.Where(p => p is not null));

    public static DateOnly Today(DateTime nowUtc) => DateOnly.FromDateTime(Display.ToJakarta(nowUtc));

    /// <summary>The presets of the period picker.</summary>
    public static (DateOnly From, DateOnly To)? Preset(string? preset, DateTime nowUtc)
    {
        var today = Today(nowUtc);
        return preset switch
        {
            "month" => (new DateOnly(today.Year, today.Month, 1), today),
            "30days" => (today.AddDays(-29), today),
            "year" => (new DateOnly(today.Year, 1, 1), today),
            _ => null,
        };
    }

    /// <summary>
    /// Reads the period and filters; without dates the period is the last 30 days. Field errors are English keys,
    /// keyed by parameter name.
    /// </summary>
    public static (ReportFilter? Filter, Dictionary<string, string[]> Errors) Parse(string? from, string? to, string? preset,
        Guid? teamId, Guid? branchId, Guid? typeId, DateTime nowUtc, LapakText text)
    {
        var errors = new Dictionary<string, string[]>();
        var range = Preset(preset, nowUtc) ?? Preset("30days", nowUtc)!.Value;
        if (!string.IsNullOrWhiteSpace(preset) && Preset(preset, nowUtc) is null)
            errors["preset"] = [text.Get("Choose this month, the last 30 days or this year.")];
        if (!string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(to))
        {
            if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f))
                errors["from"] = [text.Get("Enter the first day as a date (yyyy-mm-dd).")];
            if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
                errors["to"] = [text.Get("Enter the last day as a date (yyyy-mm-dd).")];
            if (errors.Count == 0)
            {
                if (t < f) errors["to"] = [text.Get("The last day cannot be before the first day.")];
                else if (t.DayNumber - f.DayNumber + 1 > MaxDays) errors["to"] = [text.Get("A report covers at most three years.")];
                range = (f, t);
            }
        }
        return errors.Count > 0 ? (null, errors) : (new ReportFilter(range.From, range.To, teamId, branchId, typeId), errors);
    }
}
