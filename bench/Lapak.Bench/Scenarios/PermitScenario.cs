using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lapak.Bench.Scenarios;

/// <summary>
/// The work-permit PDF: one permit is written straight into the database for a fresh ticket of the demo customer (as a
/// branch supervisor's approval leaves it), then <c>GET /api/v1/tickets/{code}/permit</c> is fetched <see cref="BenchOptions.Count"/>
/// times one after another after a warm-up. Lapak reports how long the render itself took in its <c>Server-Timing</c>
/// header (<c>pdf;dur=…</c>, measured around <c>PermitPdf.Render</c> inside the server process): that is the "PDF in ≤ 50 ms"
/// figure; the round trip is printed beside it, and Lapak's CPU time per download, which other load on the machine does
/// not inflate. Then the download is loaded with <see cref="BenchOptions.Clients"/> clients.
/// </summary>
public static class PermitScenario
{
    private const int WarmUps = 30;

    public static async Task RunAsync(LapakProcess lapak, LapakApi api, BenchOptions options, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"permit PDF: {options.Count} renders one at a time after {WarmUps} warm-ups, then downloads with {options.Clients} clients for {options.Duration.TotalSeconds:0} s");
        var code = await OpenTicketAsync(api, ct);
        await InsertPermitAsync(lapak, code, ct);
        var url = $"/api/v1/tickets/{code}/permit";

        var render = new Latencies();
        var roundTrip = new Latencies();
        long bytes = 0;
        var cpuBefore = TimeSpan.Zero;
        for (var i = 0; i < WarmUps + options.Count; i++)
        {
            if (i == WarmUps) cpuBefore = lapak.CpuTime;
            var t0 = Stopwatch.GetTimestamp();
            using var response = await api.Http.GetAsync(url, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            var elapsed = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            if (!response.IsSuccessStatusCode || body.Length < 5 || body[0] != '%')
                throw new BenchException($"the permit download answered {(int)response.StatusCode} ({body.Length} bytes).");
            if (i < WarmUps) continue;
            bytes = body.Length;
            roundTrip.Add(elapsed);
            render.Add(ServerTiming(response) ?? throw new BenchException("the permit download has no Server-Timing pdf;dur=… header."));
        }
        var cpu = (lapak.CpuTime - cpuBefore).TotalMilliseconds / options.Count;
        Console.WriteLine($"  pdf size   {bytes / 1024.0:0.0} KB");
        Console.WriteLine($"  cpu        {cpu:0.00} ms of Lapak's CPU time per download (all threads: request, database, render, GC)");
        Console.WriteLine($"  render     {render.Summary(withMax: true)}   (inside Lapak, Server-Timing)");
        Console.WriteLine($"  download   {roundTrip.Summary(withMax: true)}   (1 client, round trip)");
        await LoadLoop.RunAsync(options, "downloads", token => api.Http.GetAsync(url, token), ct);
    }

    private static double? ServerTiming(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Server-Timing", out var values)) return null;
        foreach (var part in values.SelectMany(v => v.Split(';')))
            if (part.Trim().StartsWith("dur=", StringComparison.Ordinal)
                && double.TryParse(part.Trim()[4..], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)) return ms;
        return null;
    }

    private static async Task<string> OpenTicketAsync(LapakApi api, CancellationToken ct)
    {
        var types = await api.Http.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/request-types", ct);
        var general = types.EnumerateArray().FirstOrDefault(t => t.GetProperty("fields").GetArrayLength() == 0);
        if (general.ValueKind != JsonValueKind.Object) throw new BenchException("no request type without fields (is the demo data seeded?).");
        using var response = await api.Http.PostAsJsonAsync("/api/v1/tickets", new
        {
            requestTypeId = general.GetProperty("id").GetGuid(), subject = "Izin kerja untuk benchmark", description = "Benchmark izin kerja.",
        }, ct);
        if (!response.IsSuccessStatusCode) throw new BenchException($"opening a ticket answered {(int)response.StatusCode}.");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString()!;
    }

    /// <summary>A permit for the ticket at the demo branch Bintaro, three visitors, a window tomorrow; the ids as each database keeps them.</summary>
    private static async Task InsertPermitAsync(LapakProcess lapak, string ticketCode, CancellationToken ct)
    {
        var sqlite = lapak.Provider == "Sqlite";
        await using DbConnection connection = sqlite ? new SqliteConnection(lapak.ConnectionString) : new NpgsqlConnection(lapak.ConnectionString);
        await connection.OpenAsync(ct);
        var ticket = await ScalarAsync(connection, "SELECT \"Id\" FROM helpdesk_tickets WHERE \"Code\" = @p", ticketCode, ct)
                     ?? throw new BenchException("the benchmark's ticket is not in the database.");
        var branch = await ScalarAsync(connection, "SELECT \"Id\" FROM accounts_branches ORDER BY \"Code\" LIMIT 1", null, ct)
                     ?? throw new BenchException("no branch in the database (is the demo data seeded?).");
        var visitors = JsonSerializer.Serialize(new[]
        {
            new { name = "Budi Santoso", company = "PT Rak Server Abadi", maskedIdNumber = "************3456" },
            new { name = "Rina Wati", company = "PT Rak Server Abadi", maskedIdNumber = "************7788" },
            new { name = "Joko Prasetyo", company = "CV Kabel Nusantara", maskedIdNumber = "************0912" },
        });
        var start = DateTime.UtcNow.Date.AddDays(1).AddHours(2);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO helpdesk_permits ("Id", "TicketId", "Code", "BranchId", "BranchName", "BranchAddress", "BranchTimeZone",
                "WindowStartUtc", "WindowEndUtc", "CustomerName", "CompanyName", "Purpose", "Equipment", "VisitorsJson",
                "ApprovedByName", "ApprovedAt")
            VALUES (@id, @ticket, @code, @branch, 'Data Center Bintaro', 'Jl. Boulevard Bintaro Jaya Sektor 7, Tangerang Selatan, Banten',
                'Asia/Jakarta', @start, @end, 'Pelanggan Demo', 'Dinas Pendidikan Kota Bekasi', 'Penggantian PSU dan pemeriksaan rak A-12',
                'Obeng, laptop, 2 unit PSU', @visitors, 'Supervisor Demo', @approved)
            """;
        Add(insert, "id", sqlite ? Guid.NewGuid().ToString().ToUpperInvariant() : Guid.NewGuid());
        Add(insert, "ticket", ticket);
        Add(insert, "code", Guid.NewGuid().ToString("N"));
        Add(insert, "branch", branch);
        Add(insert, "start", sqlite ? start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : start);
        Add(insert, "end", sqlite ? start.AddHours(3).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : start.AddHours(3));
        Add(insert, "visitors", visitors);
        Add(insert, "approved", sqlite ? DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : DateTime.UtcNow);
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(DbConnection c, string sql, object? value, CancellationToken ct)
    {
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        if (value is not null) Add(command, "p", value);
        return await command.ExecuteScalarAsync(ct);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
