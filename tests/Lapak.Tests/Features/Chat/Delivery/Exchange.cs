using Xunit.Abstractions;
using System.Diagnostics;
using Lapak.Web.Features.Chat.Model;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Chat.Delivery;

/// <summary>
/// Two (or more) simulated clients sending into one conversation at once, in bursts, while a seeded chaos loop drops
/// their connections at random moments; then the exactly-once check on every client and on the database.
/// </summary>
public static class Exchange
{
    /// <summary>Chat limits high enough that the exchange measures delivery, not the flood guard.</summary>
    public static Dictionary<string, string?> Unlimited(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Chat:BurstMessages"] = "100000", ["Chat:MessagesPerSecond"] = "100000" };
        foreach (var (k, v) in more ?? new Dictionary<string, string?>()) settings[k] = v;
        return settings;
    }

    /// <summary>A sender: <paramref name="count"/> messages in concurrent bursts of 1 to <paramref name="maxBurst"/>.</summary>
    public static async Task<List<string>> SendAsync(ChatClientSim client, string tag, int count, int seed, int maxBurst = 64,
        Action<int>? progress = null)
    {
        var random = new Random(seed);
        var bodies = new List<string>(count);
        var sent = 0;
        while (sent < count)
        {
            var burst = Math.Min(count - sent, random.Next(1, maxBurst + 1));
            var batch = Enumerable.Range(sent, burst).Select(i => $"{tag} #{i}").ToList();
            bodies.AddRange(batch);
            await Task.WhenAll(batch.Select(body => client.SendAsync(body)));
            sent += burst;
            progress?.Invoke(sent);
        }
        return bodies;
    }

    /// <summary>Drops a random client's connection (graceful stop or abrupt dispose) every few hundred ms until <paramref name="stop"/>.</summary>
    public static async Task<int> ChaosAsync(IReadOnlyList<ChatClientSim> clients, int seed, CancellationToken stop, int minMs = 50, int maxMs = 400)
    {
        var random = new Random(seed);
        var drops = 0;
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(random.Next(minMs, maxMs), stop); }
            catch (OperationCanceledException) { break; }
            var client = clients[random.Next(clients.Count)];
            await client.DropAsync(abrupt: random.Next(2) == 0);
            drops++;
        }
        return drops;
    }

    /// <summary>
    /// Every client (after one more reconnect, which catches up as the page does) holds every message exactly once with
    /// seqs 1..total in order, each sent body appears once, and the database has exactly <paramref name="total"/> rows.
    /// </summary>
    public static async Task AssertExactlyOnceAsync(LapakApp app, Guid conversation, IReadOnlyList<ChatClientSim> clients,
        IReadOnlyCollection<string> bodies, ITestOutputHelper? output = null)
    {
        var total = bodies.Count;
        var expectedSeqs = Enumerable.Range(1, total).Select(i => (long)i).ToList();
        foreach (var client in clients)
        {
            await client.DropAsync(abrupt: false);
            var messages = client.Messages;
            Assert.Empty(client.Violations);
            Assert.Equal(total, messages.Count);
            Assert.Equal(expectedSeqs, messages.Select(m => m.Seq));
            Assert.Equal(total, messages.Select(m => m.Id).Distinct().Count());
            Assert.Equal(bodies.Order(StringComparer.Ordinal), messages.Select(m => m.Text).Order(StringComparer.Ordinal));
            output?.WriteLine($"{client.User.Email}: connects {client.Connects}, retries {client.Retries}, live {client.ReceivedLive}, " +
                              $"merged twice {client.Duplicates}; first failures: {string.Join(" | ", client.Failures.Take(3))}");
        }
        var (rows, keys, maxSeq, lastSeq) = await app.WithDbAsync(async db =>
        {
            var q = db.Set<ChatMessage>().Where(m => m.ConversationId == conversation);
            var count = await q.CountAsync();
            var distinctKeys = await q.Select(m => new { m.SenderId, m.ClientKey }).Distinct().CountAsync();
            var max = await q.MaxAsync(m => (long?)m.Seq) ?? 0;
            var last = await db.Set<Conversation>().Where(c => c.Id == conversation).Select(c => c.LastSeq).SingleAsync();
            return (count, distinctKeys, max, last);
        });
        Assert.Equal(total, rows);
        Assert.Equal(total, keys);
        Assert.Equal(total, maxSeq);
        Assert.Equal(total, lastSeq);
    }

    public static async Task<T> TimedAsync<T>(ITestOutputHelper output, string what, Func<Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        var result = await work();
        output.WriteLine($"{what}: {watch.Elapsed.TotalSeconds:0.0} s");
        return result;
    }
}
