using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Chat.ChatKit;
using static Lapak.Tests.Features.Chat.Support.SupportKit;

namespace Lapak.Tests.Features.Chat.Support;

/// <summary>Support chat: a customer writes to a team, agents take it from the queue and turn it into a ticket.</summary>
[Collection(Apps.Name)]
public sealed class SupportChatTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_chat_goes_from_the_queue_to_an_agent_and_becomes_a_ticket_with_the_transcript(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app);
        var agent = await AgentAsync(app, team);
        var customer = await app.CreateUserAsync();
        using var customerApi = await app.ApiAsync(customer);
        using var agentApi = await app.ApiAsync(agent);

        var id = await StartedAsync(customerApi, team.Id, "Paket saya belum sampai sejak Senin");
        var chat = await app.WithDbAsync(d => d.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((ConversationKind.Support, SupportState.Waiting, customer.Id, team.Id), (chat.Kind, chat.SupportState!.Value, chat.CustomerId!.Value, chat.TeamId!.Value));
        Assert.NotNull(chat.WaitingSince);

        var queue = await QueueAsync(agentApi);
        var waiting = Assert.Single(queue.GetProperty("waiting").EnumerateArray());
        Assert.Equal(id, waiting.GetProperty("id").GetGuid());
        Assert.Equal("Paket saya belum sampai sejak Senin", waiting.GetProperty("preview").GetString());
        Assert.Equal(customer.FullName, waiting.GetProperty("customerName").GetString());

        Assert.Equal(HttpStatusCode.OK, (await agentApi.PostAsync($"/api/v1/support-chats/{id}/pickup", null)).StatusCode);
        queue = await QueueAsync(agentApi);
        Assert.Empty(queue.GetProperty("waiting").EnumerateArray());
        Assert.Equal([id], Ids(queue.GetProperty("mine")));

        await SentAsync(agentApi, id, "Baik, saya cek dulu ya");
        await SentAsync(customerApi, id, "Nomor resinya JNE0012345");

        var response = await agentApi.PostAsJsonAsync($"/api/v1/support-chats/{id}/ticket",
            new { requestTypeId = team.RequestTypeId, subject = "Paket belum sampai", priority = "High" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticketCode").GetString()!;

        var ticket = await app.WithDbAsync(d => d.Set<Ticket>().AsNoTracking().SingleAsync(t => t.Code == code));
        Assert.Equal((customer.Id, team.Id, TicketPriority.High, "Paket belum sampai"), (ticket.CustomerId, ticket.TeamId!.Value, ticket.Priority, ticket.Subject));
        var file = await app.WithDbAsync(d => d.Set<TicketAttachment>().AsNoTracking().SingleAsync(a => a.TicketId == ticket.Id));
        Assert.Matches(@"^chat-\d{4}-\d{2}-\d{2}\.txt$", file.FileName);
        var transcript = await agentApi.GetStringAsync($"/api/v1/tickets/{code}/attachments/{file.Id}");
        Assert.Contains($"{customer.FullName}: Paket saya belum sampai sejak Senin", transcript);
        Assert.Contains($"{agent.FullName}: Baik, saya cek dulu ya", transcript);
        Assert.Contains($"{customer.FullName}: Nomor resinya JNE0012345", transcript);

        chat = await app.WithDbAsync(d => d.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((SupportState.Closed, code), (chat.SupportState!.Value, chat.TicketCode));
        var shown = TicketCode.Display(code);
        var messages = await MessagesAsync(customerApi, id);
        Assert.Contains(messages, m => m.GetProperty("kind").GetString() == "system" && m.GetProperty("text").GetString()!.Contains(shown));

        // Turning it again is refused: the chat already is that ticket.
        var again = await agentApi.PostAsJsonAsync($"/api/v1/support-chats/{id}/ticket",
            new { requestTypeId = team.RequestTypeId, subject = "Paket belum sampai", priority = "High" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Two_agents_picking_up_at_once_one_wins_and_the_other_gets_409(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app);
        var (first, second) = (await AgentAsync(app, team), await AgentAsync(app, team));
        using var customerApi = await app.ApiAsync(await app.CreateUserAsync());
        using var firstApi = await app.ApiAsync(first);
        using var secondApi = await app.ApiAsync(second);
        var id = await StartedAsync(customerApi, team.Id, "Halo, saya mau tanya soal refund");

        var answers = await Task.WhenAll(firstApi.PostAsync($"/api/v1/support-chats/{id}/pickup", null),
            secondApi.PostAsync($"/api/v1/support-chats/{id}/pickup", null));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).OrderBy(s => s));
        var loser = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        var reason = await loser.Content.ReadAsStringAsync();
        Assert.True(reason.Contains("Agen lain sudah mengambil chat ini.") || reason.Contains("Another agent has already picked up this chat."), reason);

        var chat = await app.WithDbAsync(d => d.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == id));
        var winner = answers[0].StatusCode == HttpStatusCode.OK ? first : second;
        Assert.Equal((SupportState.Active, winner.Id), (chat.SupportState!.Value, chat.AgentId!.Value));
        var joined = (await MessagesAsync(customerApi, id)).Count(m => m.GetProperty("kind").GetString() == "system");
        Assert.Equal(1, joined);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_the_customer_and_the_teams_agents_reach_a_support_chat(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app);
        var other = await TeamAsync(app);
        var customer = await app.CreateUserAsync();
        using var customerApi = await app.ApiAsync(customer);
        using var outsiderApi = await app.ApiAsync(await AgentAsync(app, other));
        using var strangerApi = await app.ApiAsync(await app.CreateUserAsync());
        var id = await StartedAsync(customerApi, team.Id, "Tolong bantu akun saya");

        foreach (var client in new[] { outsiderApi, strangerApi })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/conversations/{id}/messages")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/support-chats/{id}/pickup", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/support-chats/{id}/close", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(client, id, "ikut nimbrung")).StatusCode);
        }
        Assert.DoesNotContain(id, Ids((await QueueAsync(outsiderApi)).GetProperty("waiting")));

        // The customer reads their chat but cannot act as an agent.
        Assert.Equal(HttpStatusCode.Forbidden, (await customerApi.PostAsync($"/api/v1/support-chats/{id}/pickup", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customerApi.PostAsync($"/api/v1/support-chats/{id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customerApi.PostAsJsonAsync($"/api/v1/support-chats/{id}/ticket",
            new { requestTypeId = team.RequestTypeId, subject = "Akun saya", priority = "Normal" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customerApi.GetAsync("/api/v1/support-chats/queue")).StatusCode);

        var chat = await app.WithDbAsync(d => d.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((SupportState.Waiting, null, null), (chat.SupportState!.Value, chat.AgentId, chat.TicketCode));
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<Ticket>().CountAsync(t => t.CustomerId == customer.Id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_customer_message_into_a_closed_chat_puts_it_back_in_the_queue(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app);
        var agent = await AgentAsync(app, team);
        var customer = await app.CreateUserAsync();
        using var customerApi = await app.ApiAsync(customer);
        using var agentApi = await app.ApiAsync(agent);
        var id = await StartedAsync(customerApi, team.Id, "Bagaimana cara ganti alamat?");
        Assert.Equal(HttpStatusCode.OK, (await agentApi.PostAsync($"/api/v1/support-chats/{id}/pickup", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agentApi.PostAsync($"/api/v1/support-chats/{id}/close", null)).StatusCode);
        var closed = await app.WithDbAsync(d => d.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(SupportState.Closed, closed.SupportState);
        Assert.Contains(await MessagesAsync(customerApi, id), m => m.GetProperty("text").GetString() == $"{agent.FullName} closed the chat."
            || m.GetProperty("text").GetString() == $"{agent.FullName} menutup chat.");

        await using var hub = await app.ConnectHubAsync(agent);
        var told = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("chat:support", e => told.TrySetResult(e));
        Assert.True(await hub.InvokeAsync<bool>("JoinSupportQueue"));

        await SentAsync(customerApi, id, "Maaf, satu lagi: ongkirnya berapa?");
        Assert.Equal(id, (await told.Task.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("conversationId").GetGuid());
        var reopened = await app.WithDbAsync(d => d.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((SupportState.Waiting, (Guid?)null), (reopened.SupportState!.Value, reopened.AgentId));
        Assert.True(reopened.WaitingSince > closed.WaitingSince);
        var waiting = Assert.Single((await QueueAsync(agentApi)).GetProperty("waiting").EnumerateArray());
        Assert.Equal("Maaf, satu lagi: ongkirnya berapa?", waiting.GetProperty("preview").GetString());

        // Starting again from the page's API reuses the same chat.
        Assert.Equal(id, await StartedAsync(customerApi, team.Id, "Halo lagi"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_first_messages_and_unknown_teams_make_no_chat_and_the_hub_queue_is_staff_only(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app);
        var customer = await app.CreateUserAsync();
        using var customerApi = await app.ApiAsync(customer);

        Assert.Equal(HttpStatusCode.BadRequest, (await StartAsync(customerApi, team.Id, "   ")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await StartAsync(customerApi, Guid.NewGuid(), "Halo")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await StartAsync(customerApi, team.Id, "Halo", key: "bad key!")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await StartAsync(customerApi, team.Id, new string('x', ChatMessage.BodyMaxLength + 1))).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<Conversation>().CountAsync(c => c.CustomerId == customer.Id)));

        await using var hub = await app.ConnectHubAsync(customer);
        Assert.False(await hub.InvokeAsync<bool>("JoinSupportQueue"));

        // A team without agents still takes the chat; it waits.
        var started = await StartAsync(customerApi, team.Id, "Ada orang?", key: "first-1");
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var retry = await StartAsync(customerApi, team.Id, "Ada orang?", key: "first-1");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetGuid();
        Assert.Single(await MessagesAsync(customerApi, id));
    }
}
