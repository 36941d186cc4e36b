using System.Net;
using Lapak.Web.Features.Chat.Model;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Lapak.Tests.Features.Chat.ChatKit;
using static Lapak.Tests.Features.Chat.Delivery.Exchange;

namespace Lapak.Tests.Features.Chat.Delivery;

/// <summary>Two instances on one database with the Redis backplane behave as one: messages, typing and sequence numbers.</summary>
[Collection(DeliveryStress.Name)]
public sealed class TwoInstancesTests(ITestOutputHelper output)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Users_on_different_instances_chat_live_and_every_message_arrives_exactly_once_in_order(Db db)
    {
        var redis = Unlimited(new Dictionary<string, string?>
        {
            ["Realtime:Redis"] = TestServices.Redis,
            ["Realtime:ChannelPrefix"] = "lapak-test-" + Guid.NewGuid().ToString("N")[..8],
        });
        await using var one = await LapakApp.StartAsync(db, redis);
        await using var two = await LapakApp.StartSiblingAsync(one, redis);
        var (a, b) = (await one.CreateUserAsync(), await one.CreateUserAsync());
        using var apiA = await one.ApiAsync(a);
        var id = await StartAsync(apiA, b);
        await using var simA = new ChatClientSim(one, a, id);
        await using var simB = new ChatClientSim(two, b, id);
        await Task.WhenAll(simA.ConnectAsync(), simB.ConnectAsync());

        // Typing crosses the backplane both ways.
        await simA.TypingAsync();
        await simB.TypingAsync();
        await Eventually(() => simB.Typing.Contains(a.Id) && simA.Typing.Contains(b.Id), "typing crossed between the instances");

        // A lone message is pushed across: B has it without any catch-up.
        var hello = await simA.SendAsync("Halo dari instance satu");
        await Eventually(() => simB.Messages.Any(m => m.Id == hello.Id), "B received A's message through the hub");
        Assert.Equal(1, simB.ReceivedLive);

        // Both send at once through their own instance into the one conversation, with connections dropping.
        using var stop = new CancellationTokenSource();
        var chaos = ChaosAsync([simA, simB], seed: 9, stop.Token, minMs: 200, maxMs: 800);
        var sent = await TimedAsync(output, $"{db}: 4,000 messages over two instances", () =>
            Task.WhenAll(SendAsync(simA, "A", 2_000, seed: 7), SendAsync(simB, "B", 2_000, seed: 8)));
        await stop.CancelAsync();
        output.WriteLine($"connections dropped: {await chaos}");
        var bodies = sent.SelectMany(x => x).Prepend(hello.Text).ToList();

        // Each received a good share of the other's messages live, not only by catching up.
        var liveA = simA.ReceivedLive;
        var liveB = simB.ReceivedLive;
        Assert.True(liveA > 200 && liveB > 200, $"live pushes crossed the backplane (A {liveA}, B {liveB})");
        await AssertExactlyOnceAsync(one, id, [simA, simB], bodies, output);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Concurrent_sends_into_one_conversation_through_both_instances_get_unique_dense_sequence_numbers(Db db)
    {
        var settings = Unlimited();
        await using var one = await LapakApp.StartAsync(db, settings);
        await using var two = await LapakApp.StartSiblingAsync(one, settings);
        var (a, b) = (await one.CreateUserAsync(), await one.CreateUserAsync());
        using var apiA1 = await one.ApiAsync(a);
        using var apiA2 = await two.ApiAsync(a);
        using var apiB1 = await one.ApiAsync(b);
        using var apiB2 = await two.ApiAsync(b);
        var id = await StartAsync(apiA1, b);

        // Both writers claim sequence numbers for the same row at the same moment; a batch that loses a race is
        // retried message by message by its writer, and what still fails is retried by the client with its key.
        const int each = 150;
        var clients = new[] { apiA1, apiA2, apiB1, apiB2 };
        var keys = new List<(HttpClient Client, string Key, string Body)>();
        for (var c = 0; c < clients.Length; c++)
            for (var i = 0; i < each; i++) keys.Add((clients[c], $"k{c}-{i}", $"client {c} #{i}"));
        var statuses = await Task.WhenAll(keys.Select(async k =>
        {
            for (var attempt = 1; ; attempt++)
            {
                var response = await SendAsync(k.Client, id, k.Body, k.Key);
                if (response.StatusCode == HttpStatusCode.Created || attempt == 20) return response.StatusCode;
                await Task.Delay(50);
            }
        }));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));

        var seqs = await one.WithDbAsync(d => d.Set<ChatMessage>().Where(m => m.ConversationId == id).OrderBy(m => m.Seq)
            .Select(m => m.Seq).ToListAsync());
        Assert.Equal(Enumerable.Range(1, keys.Count).Select(i => (long)i), seqs);
        var all = new List<long>();
        for (long after = 0; ; )
        {
            var page = await MessagesAsync(apiB2, id, after);
            if (page.Count == 0) break;
            all.AddRange(page.Select(m => m.GetProperty("seq").GetInt64()));
            after = all[^1];
        }
        Assert.Equal(seqs, all);
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition(), what);
    }
}
