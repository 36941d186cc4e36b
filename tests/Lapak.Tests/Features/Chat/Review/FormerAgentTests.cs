using System.Net;
using Lapak.Web.Features.Chat.Model;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Chat.ChatKit;
using static Lapak.Tests.Features.Chat.Support.SupportKit;

namespace Lapak.Tests.Features.Chat.Review;

/// <summary>
/// An agent who answered a support chat stays a member after it closes. Answering it again must claim it like any
/// other agent would; answering it while a colleague holds it is refused, as it is for agents who never answered.
/// </summary>
[Collection(Apps.Name)]
public sealed class FormerAgentTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_former_agent_answering_a_reopened_chat_picks_it_up_and_it_leaves_the_queue(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app);
        var agent = await AgentAsync(app, team);
        var customer = await app.CreateUserAsync();
        using var customerApi = await app.ApiAsync(customer);
        using var agentApi = await app.ApiAsync(agent);
        var id = await StartedAsync(customerApi, team.Id, "Bagaimana cara ganti alamat?");
        await SentAsync(agentApi, id, "Lewat menu Profil.");
        Assert.Equal(HttpStatusCode.OK, (await agentApi.PostAsync($"/api/v1/support-chats/{id}/close", null)).StatusCode);
        await SentAsync(customerApi, id, "Satu lagi: ongkirnya berapa?");
        Assert.Single((await QueueAsync(agentApi)).GetProperty("waiting").EnumerateArray());

        await SentAsync(agentApi, id, "Ongkir tergantung kota tujuan.");

        var chat = await app.WithDbAsync(d => d.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((SupportState.Active, (Guid?)agent.Id), (chat.SupportState!.Value, chat.AgentId));
        Assert.Empty((await QueueAsync(agentApi)).GetProperty("waiting").EnumerateArray());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_former_agent_cannot_write_into_a_chat_a_colleague_now_holds(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app);
        var (first, second) = (await AgentAsync(app, team), await AgentAsync(app, team));
        var customer = await app.CreateUserAsync();
        using var customerApi = await app.ApiAsync(customer);
        using var firstApi = await app.ApiAsync(first);
        using var secondApi = await app.ApiAsync(second);
        var id = await StartedAsync(customerApi, team.Id, "Bagaimana cara ganti alamat?");
        await SentAsync(firstApi, id, "Lewat menu Profil.");
        Assert.Equal(HttpStatusCode.OK, (await firstApi.PostAsync($"/api/v1/support-chats/{id}/close", null)).StatusCode);
        await SentAsync(customerApi, id, "Satu lagi: ongkirnya berapa?");
        Assert.Equal(HttpStatusCode.OK, (await secondApi.PostAsync($"/api/v1/support-chats/{id}/pickup", null)).StatusCode);
        var before = await MessagesAsync(customerApi, id);

        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(firstApi, id, "Saya juga bisa bantu.")).StatusCode);

        Assert.Equal(before.Count, (await MessagesAsync(customerApi, id)).Count);
        var chat = await app.WithDbAsync(d => d.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((SupportState.Active, (Guid?)second.Id), (chat.SupportState!.Value, chat.AgentId));
    }
}
