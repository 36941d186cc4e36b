namespace Lapak.Bench;

/// <summary>Latencies in milliseconds and the percentiles the report prints (nearest rank).</summary>
public sealed class Latencies
{
    private readonly List<double> _ms = [];

    public int Count => _ms.Count;

    public void Add(double ms)
    {
        lock (_ms) _ms.Add(ms);
    }

    public void AddRange(IEnumerable<double> ms)
    {
        lock (_ms) _ms.AddRange(ms);
    }

    public double Percentile(double p)
    {
        lock (_ms)
        {
            if (_ms.Count == 0) return double.NaN;
            var sorted = _ms.Order().ToList();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
        }
    }

    public double Max
    {
        get { lock (_ms) return _ms.Count == 0 ? double.NaN : _ms.Max(); }
    }

    public string Summary(bool withMax = false) =>
        $"p50 {Percentile(50):0.00} ms   p90 {Percentile(90):0.00} ms   p99 {Percentile(99):0.00} ms" +
        (withMax ? $"   max {Max:0.00} ms" : "");
}
