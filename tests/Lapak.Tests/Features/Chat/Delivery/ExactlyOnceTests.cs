using Xunit.Abstractions;
using static Lapak.Tests.Features.Chat.ChatKit;
using static Lapak.Tests.Features.Chat.Delivery.Exchange;

namespace Lapak.Tests.Features.Chat.Delivery;

/// <summary>
/// The delivery guarantee under stress: stored first with a dense sequence and the sender's key, pushed after,
/// caught up with <c>?after=</c> on every reconnect, retried with the same key. Each test starts apps of its own
/// (limits raised), so they share a collection that runs them one after another rather than all at once.
/// </summary>
[Collection(DeliveryStress.Name)]
public sealed class ExactlyOnceTests(ITestOutputHelper output)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Ten_thousand_messages_sent_through_dropping_connections_arrive_exactly_once_in_order(Db db)
    {
        await using var app = await LapakApp.StartAsync(db, Unlimited());
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        var id = await StartAsync(apiA, b);
        await using var simA = new ChatClientSim(app, a, id);
        await using var simB = new ChatClientSim(app, b, id);
        await Task.WhenAll(simA.ConnectAsync(), simB.ConnectAsync());

        using var stop = new CancellationTokenSource();
        var chaos = ChaosAsync([simA, simB], seed: 6, stop.Token);
        var bodies = await TimedAsync(output, $"{db}: 10,000 messages", async () =>
        {
            var sent = await Task.WhenAll(SendAsync(simA, "A", 5_000, seed: 1), SendAsync(simB, "B", 5_000, seed: 2));
            return sent.SelectMany(x => x).ToList();
        });
        await stop.CancelAsync();
        output.WriteLine($"connections dropped: {await chaos}");

        await AssertExactlyOnceAsync(app, id, [simA, simB], bodies, output);
        Assert.True(simA.Connects > 3 && simB.Connects > 3, "the chaos loop dropped connections on both sides");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Messages_sent_while_the_app_restarts_arrive_exactly_once_in_order(Db db)
    {
        var first = await LapakApp.StartAsync(db, Unlimited());
        LapakApp? successor = null;
        try
        {
            var (a, b) = (await first.CreateUserAsync(), await first.CreateUserAsync());
            using var apiA = await first.ApiAsync(a);
            var id = await StartAsync(apiA, b);
            await using var simA = new ChatClientSim(first, a, id);
            await using var simB = new ChatClientSim(first, b, id);
            await Task.WhenAll(simA.ConnectAsync(), simB.ConnectAsync());

            var midway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sending = Task.WhenAll(
                SendAsync(simA, "A", 1_500, seed: 3, progress: n => { if (n >= 500) midway.TrySetResult(); }),
                SendAsync(simB, "B", 1_500, seed: 4));

            // Mid-stream: the new instance comes up on the same database, the load balancer sends new connections to
            // it, and the old one stops under the clients' feet (its queued writes fail, its sockets close).
            await midway.Task.WaitAsync(TimeSpan.FromSeconds(60));
            successor = await LapakApp.StartSuccessorAsync(first, Unlimited());
            simA.Target = successor;
            simB.Target = successor;
            var storedBefore = simA.Messages.Count;
            await first.DisposeAsync();
            output.WriteLine($"{db}: old instance stopped after {storedBefore} messages seen by A");

            var bodies = (await sending.WaitAsync(TimeSpan.FromSeconds(120))).SelectMany(x => x).ToList();
            await AssertExactlyOnceAsync(successor, id, [simA, simB], bodies, output);
            Assert.True(storedBefore < bodies.Count, "the restart happened mid-stream");
            Assert.True(simA.Retries + simB.Retries > 0 || simA.Connects > 1, "the clients had to recover from the restart");
        }
        finally
        {
            await first.DisposeAsync();
            if (successor is not null) await successor.DisposeAsync();
        }
    }
}

/// <summary>The heavy delivery tests run one at a time: each starts its own instances on a machine shared with others.</summary>
[CollectionDefinition(Name)]
public sealed class DeliveryStress
{
    public const string Name = "chat-delivery-stress";
}
