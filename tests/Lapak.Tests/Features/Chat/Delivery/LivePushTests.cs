using static Lapak.Tests.Features.Chat.ChatKit;
using static Lapak.Tests.Features.Chat.Delivery.Exchange;

namespace Lapak.Tests.Features.Chat.Delivery;

/// <summary>Stored, then pushed: a message that is stored reaches the others live even when its sender's connection dies.</summary>
[Collection(DeliveryStress.Name)]
public sealed class LivePushTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_message_stored_while_its_senders_connection_drops_still_reaches_the_other_member_live(Db db)
    {
        await using var app = await LapakApp.StartAsync(db, Unlimited());
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        var id = await StartAsync(apiA, b);
        await using var simA = new ChatClientSim(app, a, id);
        await using var simB = new ChatClientSim(app, b, id); // never reconnects, so it never catches up: all it has came live
        await Task.WhenAll(simA.ConnectAsync(), simB.ConnectAsync());

        var random = new Random(11);
        var sends = new List<Task>();
        for (var round = 0; round < 20; round++)
        {
            // A burst in flight, then A's connection is torn down under it; the retries go out on the next connection.
            sends.AddRange(Enumerable.Range(0, 20).Select(i => simA.SendAsync($"round {round} #{i}")));
            await Task.Delay(random.Next(0, 15));
            await simA.DropAsync(abrupt: random.Next(2) == 0);
        }
        await Task.WhenAll(sends);

        for (var i = 0; i < 50 && simB.Messages.Count < 400; i++) await Task.Delay(100);
        Assert.Equal(1, simB.Connects);
        Assert.Equal(400, simB.Messages.Count);
        Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), simB.Messages.Select(m => m.Seq));
    }
}
