using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Web.Features.Helpdesk.Incidents;

/// <summary>Incident states and impacts as people read them, in either language, and their badge colours.</summary>
public static class IncidentLabels
{
    public static string State(IncidentState state, LapakText text, string? language = null) => state switch
    {
        IncidentState.Investigating => Get(text, language, text.Get("Investigating"), "Investigating"),
        IncidentState.Identified => Get(text, language, text.Get("Identified"), "Identified"),
        IncidentState.Monitoring => Get(text, language, text.Get("Monitoring"), "Monitoring"),
        _ => Get(text, language, text.Get("Resolved"), "Resolved"),
    };

    public static string Impact(IncidentImpact impact, LapakText text) => impact switch
    {
        IncidentImpact.Minor => text.Get("Minor"),
        IncidentImpact.Major => text.Get("Major"),
        _ => text.Get("Critical"),
    };

    /// <summary>Bootstrap badge colours that keep AA contrast with their text.</summary>
    public static string StateBadge(IncidentState state) => state switch
    {
        IncidentState.Investigating => "text-bg-danger",
        IncidentState.Identified => "text-bg-warning",
        IncidentState.Monitoring => "text-bg-info",
        _ => "text-bg-success",
    };

    public static string ImpactBadge(IncidentImpact impact) => impact switch
    {
        IncidentImpact.Minor => "impact-badge impact-minor",
        IncidentImpact.Major => "impact-badge impact-major",
        _ => "impact-badge impact-critical",
    };

    /// <summary>Reads "monitoring" or "Monitoring"; null for anything else (numbers too, so a typo is never a state).</summary>
    public static T? Parse<T>(string? value) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && !char.IsDigit(value.Trim()[0]) && Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed)
            && Enum.IsDefined(parsed) ? parsed : null;

    // The current-language text is computed by the caller (so the translation guard sees the literal); another
    // language (a notification's reader) is looked up by its English key.
    private static string Get(LapakText text, string? language, string current, string english) =>
        language is null ? current : text.Get(english, language);
}
