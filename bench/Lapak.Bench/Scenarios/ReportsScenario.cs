using System.Diagnostics;
using System.Globalization;
using Lapak.Bench.Seeding;

namespace Lapak.Bench.Scenarios;

/// <summary>
/// The reports page over a large helpdesk: <see cref="BenchOptions.Tickets"/> tickets seeded as for bighelpdesk, with first
/// responses, resolutions, ratings and report facts (<see cref="TicketSeeder.SeedReportsAsync"/>); then the admin's
/// <c>/helpdesk/reports</c> for the last 365 days. First the cold figures (each request a different period, so nothing is
/// served from the report cache), then N clients on the same year (what a team of supervisors opening it sees).
/// </summary>
public static class ReportsScenario
{
    public const string Admin = "admin@lapak.test";

    public static async Task RunAsync(LapakProcess lapak, BenchOptions options, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"reports over {options.Tickets:N0} tickets: /helpdesk/reports for a year, {options.Clients} clients, {options.Duration.TotalSeconds:0} s");
        var seeder = new TicketSeeder(lapak.Provider, lapak.ConnectionString);
        var took = await seeder.SeedAsync(options.Tickets, "Customer Service", ct);
        Console.WriteLine($"  seeding    {options.Tickets:N0} tickets in {took.TotalSeconds:0.0} s");
        var facts = await seeder.SeedReportsAsync(ct);
        Console.WriteLine($"  facts      ratings and report facts in {facts.TotalSeconds:0.0} s (then ANALYZE); restarting Lapak on them");
        await lapak.RestartAsync(ct);

        using var pages = await BigHelpdeskScenario.SignInWithCookieAsync(new Uri(lapak.Url), Admin, options.Password, "/helpdesk/reports", ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        string Url(DateOnly to) => $"/helpdesk/reports?from={to.AddDays(-364):yyyy-MM-dd}&to={to:yyyy-MM-dd}";

        // Cold: a different year each time (shifted by a day), so every request computes every section.
        var cold = new Latencies();
        for (var k = 1; k <= 3; k++)
        {
            var t0 = Stopwatch.GetTimestamp();
            using var response = await pages.GetAsync(Url(today.AddDays(-k)), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) throw new BenchException($"reports page answered {(int)response.StatusCode}");
            cold.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            if (k == 1) Console.WriteLine($"  check      reports page {body.Length:N0} bytes");
            if (response.Headers.TryGetValues("Server-Timing", out var timing)) Console.WriteLine($"  sections   {string.Join(", ", timing)}");
        }
        Console.WriteLine($"  cold       3 different years one after another: {cold.Summary(withMax: true)}");
        var year = Url(today);
        var first = Stopwatch.GetTimestamp();
        using (var prime = await pages.GetAsync(year, ct)) prime.EnsureSuccessStatusCode();
        Console.WriteLine($"  first      the measured year, computed once: {Stopwatch.GetElapsedTime(first).TotalMilliseconds:0} ms");
        await LoadLoop.RunAsync(options, "reports", token => pages.GetAsync(year, token), ct);
        Console.WriteLine($"  (the year {today.AddDays(-364).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {today:yyyy-MM-dd}; sections are cached for two minutes per scope and filters)");
    }
}
