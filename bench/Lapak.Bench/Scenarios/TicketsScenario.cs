using System.Net.Http.Json;
using System.Text.Json;

namespace Lapak.Bench.Scenarios;

/// <summary>
/// Ticket creation under load: N clients open tickets through <c>POST /api/v1/tickets</c> back to back. Each
/// ticket also writes its history line and the notifications (with their outbox rows) to the customer and the
/// receiving team, as in production.
/// </summary>
public static class TicketsScenario
{
    public static async Task RunAsync(LapakApi api, BenchOptions options, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"tickets: POST /api/v1/tickets, {options.Clients} clients, {options.Duration.TotalSeconds:0} s");
        var types = await api.Http.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/request-types", ct);
        // The type without extra fields, so the figure is about the ticket, not about validating a long form.
        var type = types.EnumerateArray().OrderBy(t => t.GetProperty("fields").GetArrayLength()).FirstOrDefault();
        if (type.ValueKind != JsonValueKind.Object) throw new BenchException("the server has no request types (is its demo data seeded?).");
        var typeId = type.GetProperty("id").GetGuid();
        var n = 0;
        await LoadLoop.RunAsync(options, "tickets", token => api.Http.PostAsJsonAsync("/api/v1/tickets", new
        {
            requestTypeId = typeId,
            subject = $"Benchmark ticket {Interlocked.Increment(ref n)}",
            description = "Opened by the Lapak benchmark to measure ticket creation.",
        }, token), ct);
    }
}
