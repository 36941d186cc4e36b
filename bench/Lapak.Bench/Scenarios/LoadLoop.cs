using System.Diagnostics;

namespace Lapak.Bench.Scenarios;

/// <summary>
/// N clients send one kind of request back to back for the duration, after a warm-up that is not counted,
/// and the figures are printed: requests/s, latency percentiles and errors.
/// </summary>
public static class LoadLoop
{
    public static async Task RunAsync(BenchOptions options, string what, Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(BenchOptions.WarmUp.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = measureFrom + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);

        var clients = Enumerable.Range(0, options.Clients).Select(_ => Task.Run(() => ClientAsync(send, measureFrom, measureUntil, ct), ct));
        var results = await Task.WhenAll(clients);

        var latencies = new Latencies();
        foreach (var r in results) latencies.AddRange(r.Ms);
        var errors = results.Sum(r => r.Errors);
        var seconds = options.Duration.TotalSeconds;
        Console.WriteLine($"  {what,-10} {latencies.Count + errors} in {seconds:0} s = {(latencies.Count + errors) / seconds:0}/s");
        Console.WriteLine($"  latency    {latencies.Summary(withMax: true)}");
        Console.WriteLine($"  errors     {errors}{(results.Select(r => r.FirstError).FirstOrDefault(e => e is not null) is { } first ? $" (first: {first})" : "")}");
    }

    private sealed record ClientResult(List<double> Ms, int Errors, string? FirstError);

    private static async Task<ClientResult> ClientAsync(Func<CancellationToken, Task<HttpResponseMessage>> send, long measureFrom, long measureUntil,
        CancellationToken ct)
    {
        var ms = new List<double>(capacity: 16_384);
        var errors = 0;
        string? firstError = null;
        while (true)
        {
            var t0 = Stopwatch.GetTimestamp();
            if (t0 >= measureUntil) break;
            string? error = null;
            try
            {
                using var response = await send(ct);
                await response.Content.LoadIntoBufferAsync(ct);
                if (!response.IsSuccessStatusCode) error = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex) { error = ex.Message; }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { error = "timeout"; }
            if (t0 < measureFrom) continue;
            if (error is null) ms.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            else
            {
                errors++;
                firstError ??= error;
            }
        }
        return new ClientResult(ms, errors, firstError);
    }
}
