namespace Lapak.Bench.Scenarios;

/// <summary>
/// A signed-in API read under load: N clients call <c>GET /api/v1/me</c> back to back (bearer token, user
/// and roles loaded from the database on each call).
/// </summary>
public static class MeScenario
{
    public static Task RunAsync(LapakApi api, BenchOptions options, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"me: GET /api/v1/me, {options.Clients} clients, {options.Duration.TotalSeconds:0} s");
        return LoadLoop.RunAsync(options, "requests", token => api.Http.GetAsync("/api/v1/me", token), ct);
    }
}
