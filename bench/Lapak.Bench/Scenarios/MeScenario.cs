using System.Diagnostics;

namespace Lapak.Bench.Scenarios;

/// <summary>
/// A signed-in API read under load: N clients call <c>GET /api/v1/me</c> back to back (bearer token, user
/// and roles loaded from the database on each call) for the duration, after a warm-up that is not counted.
/// </summary>
public static class MeScenario
{
    public static async Task RunAsync(LapakApi api, BenchOptions options, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"me: GET /api/v1/me, {options.Clients} clients, {options.Duration.TotalSeconds:0} s");

        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(BenchOptions.WarmUp.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = measureFrom + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);

        var clients = Enumerable.Range(0, options.Clients).Select(_ => Task.Run(() => ClientAsync(api, measureFrom, measureUntil, ct), ct));
        var results = await Task.WhenAll(clients);

        var latencies = new Latencies();
        foreach (var r in results) latencies.AddRange(r.Ms);
        var errors = results.Sum(r => r.Errors);
        var seconds = options.Duration.TotalSeconds;
        Console.WriteLine($"  requests   {latencies.Count + errors} in {seconds:0} s = {(latencies.Count + errors) / seconds:0} requests/s");
        Console.WriteLine($"  latency    {latencies.Summary(withMax: true)}");
        Console.WriteLine($"  errors     {errors}{(results.Select(r => r.FirstError).FirstOrDefault(e => e is not null) is { } first ? $" (first: {first})" : "")}");
    }

    private sealed record ClientResult(List<double> Ms, int Errors, string? FirstError);

    private static async Task<ClientResult> ClientAsync(LapakApi api, long measureFrom, long measureUntil, CancellationToken ct)
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
                using var response = await api.Http.GetAsync("/api/v1/me", ct);
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
