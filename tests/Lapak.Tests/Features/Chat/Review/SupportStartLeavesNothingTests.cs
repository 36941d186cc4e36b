using System.Net;
using Lapak.Web.Features.Chat.Model;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Chat.ChatKit;
using static Lapak.Tests.Features.Chat.Support.SupportKit;

namespace Lapak.Tests.Features.Chat.Review;

/// <summary>A support chat whose first message is refused is not left behind, empty, in the agents' queue.</summary>
[Collection(Apps.Name)]
public sealed class SupportStartLeavesNothingTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_refused_first_message_leaves_no_empty_support_chat_in_the_queue(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app);
        var agent = await AgentAsync(app, team);
        var (customer, friend) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var api = await app.ApiAsync(customer);
        using var agentApi = await app.ApiAsync(agent);
        var direct = await StartAsync(api, friend);
        await SentAsync(api, direct, "Halo teman", key: "reused-key");

        // The same idempotency key for a different message is a conflict; the chat it would have started must not exist.
        var refused = await Support.SupportKit.StartAsync(api, team.Id, "Voucher saya tidak bisa dipakai", key: "reused-key");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        Assert.False(await app.WithDbAsync(d => d.Set<Conversation>().AnyAsync(c => c.CustomerId == customer.Id && c.TeamId == team.Id)));
        Assert.Empty((await QueueAsync(agentApi)).GetProperty("waiting").EnumerateArray());

        // Sending again with a fresh key works and is the only chat.
        var started = await StartedAsync(api, team.Id, "Voucher saya tidak bisa dipakai");
        Assert.Equal([started], Ids((await QueueAsync(agentApi)).GetProperty("waiting")));
    }
}
