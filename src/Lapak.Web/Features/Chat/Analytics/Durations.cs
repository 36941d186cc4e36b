namespace Lapak.Web.Features.Chat.Analytics;

/// <summary>
/// Statistics over a histogram of whole seconds (value → how many), which the database groups for us: the rows that
/// cross the wire are bounded by the distinct values, not by the messages.
/// </summary>
public static class Durations
{
    /// <summary>The bucket edges in seconds: &lt;1 min, 1–5, 5–15, 15–60 min, 1–4 h, 4–24 h, &gt;1 day.</summary>
    public static readonly (string Key, int Below)[] Buckets =
    [
        ("lt1m", 60), ("1-5m", 300), ("5-15m", 900), ("15-60m", 3600), ("1-4h", 4 * 3600), ("4-24h", 24 * 3600), ("gt1d", int.MaxValue),
    ];

    public static DurationStats Stats(IReadOnlyList<(int Value, int Count)> histogram)
    {
        var n = histogram.Sum(h => h.Count);
        if (n == 0) return DurationStats.None;
        var mean = histogram.Sum(h => (double)h.Value * h.Count) / n;
        return new DurationStats(n, Math.Round(mean, 1), Percentile(histogram, 0.5), Percentile(histogram, 0.9));
    }

    /// <summary>percentile_cont: the value at rank p·(n−1) of the ordered values, between its two neighbours.</summary>
    public static double? Percentile(IReadOnlyList<(int Value, int Count)> histogram, double p)
    {
        var ordered = histogram.Where(h => h.Count > 0).OrderBy(h => h.Value).ToList();
        var n = ordered.Sum(h => (long)h.Count);
        if (n == 0) return null;
        var rank = p * (n - 1);
        var lower = (long)Math.Floor(rank);
        var fraction = rank - lower;
        var low = At(ordered, lower);
        var high = fraction > 0 ? At(ordered, lower + 1) : low;
        return Math.Round(low + (high - low) * fraction, 1);
    }

    private static int At(List<(int Value, int Count)> ordered, long index)
    {
        long seen = 0;
        foreach (var (value, count) in ordered)
        {
            seen += count;
            if (index < seen) return value;
        }
        return ordered[^1].Value;
    }

    public static IReadOnlyList<DurationBucket> Bucket(IReadOnlyList<(int Value, int Count)> histogram) =>
        [.. Buckets.Select((b, i) => new DurationBucket(b.Key,
            histogram.Where(h => h.Value >= (i == 0 ? 0 : Buckets[i - 1].Below) && h.Value < b.Below).Sum(h => h.Count)))];

    /// <summary>The band of "usually replies …": minutes (&lt;10 min), hour, hours (&lt;6 h), day, more.</summary>
    public static string Band(double medianSeconds) => medianSeconds switch
    {
        < 600 => "minutes",
        < 3600 => "hour",
        < 6 * 3600 => "hours",
        < 24 * 3600 => "day",
        _ => "more",
    };
}
