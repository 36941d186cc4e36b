using System.Globalization;
using Lapak.Web.Infrastructure.Localization;

namespace Lapak.Web.Features.Chat.Analytics;

/// <summary>The admin report for a period: everything for admins; supervisors get the support-agent part only (<see cref="Overview"/> null).</summary>
public sealed record ChatAnalyticsReport(DateOnly From, DateOnly To, ChatFigures? Overview, IReadOnlyList<AgentFigures> Agents);

/// <summary>A table of the report; <see cref="Chart"/> marks the histograms the page draws.</summary>
public sealed record AnalyticsTable(string Key, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, bool Chart = false);

/// <summary>
/// The report as tables, one builder for the page and the CSV so both hold the same numbers. The page shows durations
/// readably ("4.5 min"); the CSV gives whole seconds with invariant numbers, for spreadsheets.
/// </summary>
public static class AnalyticsTables
{
    public static IReadOnlyList<AnalyticsTable> Build(ChatAnalyticsReport report, LapakText text, bool csv)
    {
        string D(double? seconds) => csv ? Seconds(seconds) : Duration(seconds, text);
        string N(int n) => csv ? n.ToString(CultureInfo.InvariantCulture) : n.ToString("N0", CultureInfo.CurrentCulture);
        var unit = csv ? " (" + text.Get("seconds") + ")" : "";
        var tables = new List<AnalyticsTable>();
        if (report.Overview is { } o)
        {
            tables.Add(new AnalyticsTable("headline", text.Get("Headline numbers"), [text.Get("Measure"), text.Get("Value")],
            [
                [text.Get("Conversations started"), N(o.Conversations)],
                [text.Get("Messages"), N(o.Messages)],
                [text.Get("First response, median") + unit, D(o.FirstResponse.Median)],
                [text.Get("First response, mean") + unit, D(o.FirstResponse.Mean)],
                [text.Get("First response, 90th percentile") + unit, D(o.FirstResponse.P90)],
                [text.Get("Time between messages, median") + unit, D(o.BetweenMessages.Median)],
                [text.Get("Time between messages, mean") + unit, D(o.BetweenMessages.Mean)],
                [text.Get("Response rate") + " (%)", o.ResponseRate?.Percent is { } p ? p.ToString(CultureInfo.InvariantCulture) : ""],
            ]));
            tables.Add(Histogram("first-response", text.Get("First response time"), o.FirstResponseBuckets, text, N));
            tables.Add(Histogram("between-messages", text.Get("Time between messages"), o.BetweenMessagesBuckets, text, N));
        }
        tables.Add(new AnalyticsTable("agents", text.Get("Support agents"),
            [text.Get("Agent"), text.Get("Replies"), text.Get("Median reply time") + unit, text.Get("First responses"), text.Get("Median first response") + unit],
            [.. report.Agents.Select(a => (IReadOnlyList<string>)[a.Name, N(a.Replies), D(a.MedianReplySeconds), N(a.FirstResponses), D(a.MedianFirstResponseSeconds)])]));
        return tables;
    }

    private static AnalyticsTable Histogram(string key, string title, IReadOnlyList<DurationBucket> buckets, LapakText text, Func<int, string> n) =>
        new(key, title, [text.Get("Duration"), text.Get("Count")],
            buckets.All(b => b.Count == 0) ? [] : [.. buckets.Select(b => (IReadOnlyList<string>)[BucketLabel(b.Key, text), n(b.Count)])], Chart: true);

    public static string BucketLabel(string key, LapakText text) => key switch
    {
        "lt1m" => text.Get("Under 1 min"),
        "1-5m" => text.Get("1–5 min"),
        "5-15m" => text.Get("5–15 min"),
        "15-60m" => text.Get("15–60 min"),
        "1-4h" => text.Get("1–4 hours"),
        "4-24h" => text.Get("4–24 hours"),
        _ => text.Get("Over 1 day"),
    };

    private static string Seconds(double? seconds) =>
        seconds is { } s ? Math.Round(s, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>Seconds under a minute, minutes under an hour, hours under a day, else days; one decimal at most.</summary>
    public static string Duration(double? seconds, LapakText text)
    {
        if (seconds is not { } s) return "–";
        static string F(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.CurrentCulture);
        return s switch
        {
            < 60 => string.Format(CultureInfo.CurrentCulture, text.Get("{0} sec"), F(s)),
            < 3600 => string.Format(CultureInfo.CurrentCulture, text.Get("{0} min"), F(s / 60)),
            < 86400 => string.Format(CultureInfo.CurrentCulture, text.Get("{0} hr"), F(s / 3600)),
            _ => string.Format(CultureInfo.CurrentCulture, text.Get("{0} days"), F(s / 86400)),
        };
    }

    /// <summary>"Usually replies within an hour" for a band of <see cref="Durations.Band"/>.</summary>
    public static string ReplyTimeText(string band, LapakText text) => band switch
    {
        "minutes" => text.Get("Usually replies within minutes"),
        "hour" => text.Get("Usually replies within an hour"),
        "hours" => text.Get("Usually replies within a few hours"),
        "day" => text.Get("Usually replies within a day"),
        _ => text.Get("Usually replies in more than a day"),
    };
}
