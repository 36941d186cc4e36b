using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Bench.Seeding;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lapak.Bench.Scenarios;

/// <summary>
/// Chat over the live hub with many connected clients: pairs of users, each pair in its own conversation, every
/// client connected and joined. A message goes in through the hub's <c>SendMessage</c> (stored first, then pushed)
/// and the latency is taken from the call to the partner's <c>chat:message</c>. Three phases:
/// <list type="bullet">
/// <item>one at a time: a single message in flight across all clients (the floor of one send);</item>
/// <item>light load: messages spread over all pairs at a modest rate (what 2,000 people chatting look like);</item>
/// <item>throughput: an open loop at the target rate, for persisted messages per second and their p99.</item>
/// </list>
/// </summary>
public static class ChatScenario
{
    private sealed record Pushed(Guid SenderId, string? ClientKey, long Seq);

    private sealed class Client(ChatUserSeeder.BenchUser user, HubConnection hub)
    {
        public ChatUserSeeder.BenchUser User { get; } = user;
        public HubConnection Hub { get; } = hub;
        public Guid Conversation { get; set; }
    }

    public static async Task RunAsync(LapakProcess lapak, BenchOptions options, CancellationToken ct)
    {
        var users = options.Users - options.Users % 2;
        Console.WriteLine();
        Console.WriteLine($"chat: {users} hub clients in {users / 2} conversations; SendMessage (stored, then pushed) → partner's chat:message");

        var seeded = await new ChatUserSeeder(lapak.Provider, lapak.ConnectionString).SeedAsync(users, options.Email, ct);
        var sent = new ConcurrentDictionary<string, long>();
        var delivered = new Latencies();
        var deliveries = 0;
        var recording = true;

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(lapak.Url) };
        var clients = new Client[users];
        var connect = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(32))
        {
            await Task.WhenAll(Enumerable.Range(0, users).Select(async i =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    var user = seeded[i];
                    var hub = new HubConnectionBuilder()
                        .WithUrl(new Uri(new Uri(lapak.Url), "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(user.Token))
                        .Build();
                    hub.On<Pushed>("chat:message", m =>
                    {
                        if (m.SenderId == user.Id || m.ClientKey is null || !sent.TryRemove(m.ClientKey, out var t0)) return;
                        if (recording) delivered.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                        Interlocked.Increment(ref deliveries);
                    });
                    await hub.StartAsync(ct);
                    clients[i] = new Client(user, hub);
                }
                finally { gate.Release(); }
            }));
        }
        Console.WriteLine($"  connected       {users} clients in {connect.Elapsed.TotalSeconds:0.0} s");

        for (var p = 0; p < users; p += 2)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/conversations")
            {
                Content = JsonContent.Create(new { userId = clients[p + 1].User.Id }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", clients[p].User.Token);
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) throw new BenchException($"starting a conversation answered {(int)response.StatusCode}");
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
            clients[p].Conversation = clients[p + 1].Conversation = id;
        }
        await Task.WhenAll(clients.Select(async c =>
        {
            if (!await c.Hub.InvokeAsync<bool>("JoinConversation", c.Conversation, ct)) throw new BenchException("JoinConversation refused");
        }));

        var cpu0 = lapak.CpuTime;
        // One at a time.
        recording = false;
        await OneAtATimeAsync(clients, sent, 50, ct); // warm-up
        recording = true;
        delivered = new Latencies();
        var acks = await OneAtATimeAsync(clients, sent, options.Count, ct);
        Console.WriteLine($"  one at a time   {options.Count} messages, each alone");
        Console.WriteLine($"                  stored (call → answer):  {acks.Summary(withMax: true)}");
        Console.WriteLine($"                  send → partner receives: {delivered.Summary(withMax: true)}");

        foreach (var rate in new[] { 200, 1000 })
        {
            delivered = new Latencies();
            var phase = await OpenLoopAsync(clients, sent, rate, options.Duration, () => deliveries, ct);
            Console.WriteLine($"  {rate,5}/s load   {phase.Describe()}");
            Console.WriteLine($"                  stored (call → answer):  {phase.Acks.Summary(withMax: true)}");
            Console.WriteLine($"                  send → partner receives: {delivered.Summary(withMax: true)}");
        }

        foreach (var rate in new[] { options.ChatRate })
        {
            delivered = new Latencies();
            var phase = await OpenLoopAsync(clients, sent, rate, options.Duration, () => deliveries, ct);
            Console.WriteLine($"  throughput      offered {rate}/s: {phase.Describe()}");
            Console.WriteLine($"                  stored (call → answer):  {phase.Acks.Summary(withMax: true)}");
            Console.WriteLine($"                  send → partner receives: {delivered.Summary(withMax: true)}");
        }
        Console.WriteLine($"  lapak cpu       {(lapak.CpuTime - cpu0).TotalSeconds:0.0} s of CPU for the measured phases");

        await Task.WhenAll(clients.Select(c => c.Hub.DisposeAsync().AsTask()));
    }

    private static async Task<Latencies> OneAtATimeAsync(Client[] clients, ConcurrentDictionary<string, long> sent, int count, CancellationToken ct)
    {
        var acks = new Latencies();
        for (var i = 0; i < count; i++)
        {
            var c = clients[i * 2 % clients.Length];
            var key = Guid.NewGuid().ToString("N");
            var t0 = Stopwatch.GetTimestamp();
            sent[key] = t0;
            await c.Hub.InvokeAsync<JsonElement>("SendMessage", c.Conversation, key, "Halo, apakah stok masih ada?", null, ct);
            acks.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            var wait = Stopwatch.StartNew();
            while (sent.ContainsKey(key) && wait.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(1, ct);
        }
        return acks;
    }

    private sealed record Phase(Latencies Acks, int Offered, int Stored, int Failed, int Delivered, TimeSpan Took)
    {
        public string Describe() =>
            $"{Stored} stored in {Took.TotalSeconds:0.0} s = {Stored / Took.TotalSeconds:0}/s persisted, {Failed} failed, {Delivered} delivered live";
    }

    /// <summary>Sends at a fixed rate whatever the answers do (an open loop), round-robin over all clients.</summary>
    private static async Task<Phase> OpenLoopAsync(Client[] clients, ConcurrentDictionary<string, long> sent, int rate, TimeSpan duration,
        Func<int> deliveries, CancellationToken ct)
    {
        var acks = new Latencies();
        var stored = 0;
        var failed = 0;
        var inFlight = new List<Task>();
        var before = deliveries();
        var start = Stopwatch.GetTimestamp();
        var total = (int)(rate * duration.TotalSeconds);
        var next = 0;
        var body = "Baik, pesanan saya kirim hari ini ya. Terima kasih!";
        while (next < total)
        {
            var due = (int)Math.Min(total, Stopwatch.GetElapsedTime(start).TotalSeconds * rate);
            for (; next < due; next++)
            {
                var c = clients[next % clients.Length];
                var key = Guid.NewGuid().ToString("N");
                var t0 = Stopwatch.GetTimestamp();
                sent[key] = t0;
                inFlight.Add(Send(c, key, t0));
            }
            await Task.Delay(1, ct);
        }
        await Task.WhenAll(inFlight);
        var took = Stopwatch.GetElapsedTime(start);
        await Task.Delay(500, ct); // the last pushes
        return new Phase(acks, total, stored, failed, deliveries() - before, took);

        async Task Send(Client c, string key, long t0)
        {
            try
            {
                await c.Hub.InvokeAsync<JsonElement>("SendMessage", c.Conversation, key, body, null, ct);
                acks.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                Interlocked.Increment(ref stored);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref failed);
                sent.TryRemove(key, out _);
            }
        }
    }
}
