using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.Live;
using Microsoft.AspNetCore.SignalR.Client;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Live;

/// <summary>
/// What real hub clients hear about a ticket: everyone who may see it hears of public changes; only staff
/// working it hear of internal notes and who is typing a note; nobody else hears anything.
/// </summary>
[Collection(Apps.Name)]
public sealed class TicketLiveTests(Apps apps)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Every event of <paramref name="name"/> the connection receives, in order.</summary>
    private static Inbox Listen(HubConnection hub, string name)
    {
        var inbox = new Inbox();
        hub.On<JsonElement>(name, e => inbox.Add(e));
        return inbox;
    }

    private sealed class Inbox
    {
        private readonly List<JsonElement> _items = [];
        private readonly SemaphoreSlim _signal = new(0);

        public void Add(JsonElement e)
        {
            lock (_items) _items.Add(e);
            _signal.Release();
        }

        public int Count { get { lock (_items) return _items.Count; } }

        public async Task<JsonElement> NextAsync()
        {
            Assert.True(await _signal.WaitAsync(Wait), "No event arrived in time.");
            lock (_items) return _items[^(_signal.CurrentCount + 1)];
        }
    }

    private static async Task<HttpStatusCode> PostAsync(LapakApp app, TestUser user, string path, object body)
    {
        using var api = await app.ApiAsync(user);
        return (await api.PostAsJsonAsync(path, body)).StatusCode;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_customer_hears_of_a_public_reply_but_never_of_an_internal_note(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);

        await using var customerHub = await app.ConnectHubAsync(customer);
        await using var agentHub = await app.ConnectHubAsync(agent);
        var customerHears = Listen(customerHub, TicketLive.TicketEvent);
        var agentHears = Listen(agentHub, TicketLive.TicketEvent);
        Assert.True(await customerHub.InvokeAsync<bool>("JoinTicket", code));
        Assert.True(await agentHub.InvokeAsync<bool>("JoinTicket", code));

        Assert.Equal(HttpStatusCode.Created, await PostAsync(app, agent, $"/api/v1/tickets/{code}/notes", new { body = "Pelanggan ini sering komplain." }));
        Assert.Equal(code, (await agentHears.NextAsync()).GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.Created, await PostAsync(app, agent, $"/api/v1/tickets/{code}/replies", new { body = "Halo, sedang kami cek." }));
        Assert.Equal(code, (await customerHears.NextAsync()).GetProperty("code").GetString());
        await agentHears.NextAsync();
        // Pushes on one connection arrive in order: had the note reached the customer, it would have come first.
        await Task.Delay(300);
        Assert.Equal(1, customerHears.Count);
        Assert.Equal(2, agentHears.Count);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Status_changes_and_customer_replies_reach_everyone_on_the_ticket(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        await using var customerHub = await app.ConnectHubAsync(customer);
        await using var agentHub = await app.ConnectHubAsync(agent);
        var customerHears = Listen(customerHub, TicketLive.TicketEvent);
        var agentHears = Listen(agentHub, TicketLive.TicketEvent);
        await customerHub.InvokeAsync<bool>("JoinTicket", code);
        await agentHub.InvokeAsync<bool>("JoinTicket", code);

        await SetStatusAsync(app, agent, code, Lapak.Web.Features.Helpdesk.Tickets.TicketStatus.PendingCustomer);
        await customerHears.NextAsync();
        await agentHears.NextAsync();
        Assert.Equal(HttpStatusCode.Created, await PostAsync(app, customer, $"/api/v1/tickets/{code}/replies", new { body = "Sudah saya restart." }));
        await agentHears.NextAsync();
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Nobody_joins_a_ticket_they_may_not_see(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var stranger = await app.CreateUserAsync();
        var (team, _) = await OtherTeamAsync(app);
        var otherAgent = await AgentInTeamAsync(app, team);

        await using var strangerHub = await app.ConnectHubAsync(stranger);
        await using var otherHub = await app.ConnectHubAsync(otherAgent);
        var strangerHears = Listen(strangerHub, TicketLive.TicketEvent);
        Assert.False(await strangerHub.InvokeAsync<bool>("JoinTicket", code));
        Assert.False(await otherHub.InvokeAsync<bool>("JoinTicket", code));
        Assert.False(await strangerHub.InvokeAsync<bool>("JoinQueue"));
        await strangerHub.InvokeAsync("Typing", code, false); // ignored: never joined

        var agent = await AgentInTeamAsync(app);
        Assert.Equal(HttpStatusCode.Created, await PostAsync(app, agent, $"/api/v1/tickets/{code}/replies", new { body = "Halo." }));
        await Task.Delay(500);
        Assert.Equal(0, strangerHears.Count);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_hear_who_is_typing_and_the_customer_only_that_an_agent_replies_never_of_a_note(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        var colleague = await AgentInTeamAsync(app);
        await using var customerHub = await app.ConnectHubAsync(customer);
        await using var agentHub = await app.ConnectHubAsync(agent);
        await using var colleagueHub = await app.ConnectHubAsync(colleague);
        var customerHears = Listen(customerHub, TicketLive.TypingEvent);
        var agentHears = Listen(agentHub, TicketLive.TypingEvent);
        var colleagueHears = Listen(colleagueHub, TicketLive.TypingEvent);
        foreach (var hub in new[] { customerHub, agentHub, colleagueHub }) Assert.True(await hub.InvokeAsync<bool>("JoinTicket", code));

        // The customer types: staff hear who.
        await customerHub.InvokeAsync("Typing", code, false);
        var heard = await agentHears.NextAsync();
        Assert.Equal(customer.FullName, heard.GetProperty("name").GetString());
        Assert.False(heard.GetProperty("staff").GetBoolean());
        Assert.Equal(customer.FullName, (await colleagueHears.NextAsync()).GetProperty("name").GetString());

        // An agent writes a note: only the colleague hears of it.
        await agentHub.InvokeAsync("Typing", code, true);
        var note = await colleagueHears.NextAsync();
        Assert.True(note.GetProperty("internal").GetBoolean());
        Assert.Equal(agent.FullName, note.GetProperty("name").GetString());

        // The agent writes a reply: the customer hears that an agent is replying, without a name.
        await agentHub.InvokeAsync("Typing", code, false);
        var reply = await customerHears.NextAsync();
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("name").ValueKind);
        Assert.False(reply.GetProperty("internal").GetBoolean());
        await colleagueHears.NextAsync();
        await Task.Delay(300);
        Assert.Equal(1, customerHears.Count); // never the note, never their own typing
        Assert.Equal(1, agentHears.Count);    // never their own typing

        // A customer cannot pretend to write a note.
        await customerHub.InvokeAsync("Typing", code, true);
        await Task.Delay(300);
        Assert.Equal(1, agentHears.Count);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_queue_hears_of_new_and_taken_tickets_of_the_agents_teams(Db db)
    {
        var app = await apps.Get(db);
        var (team, type) = await OtherTeamAsync(app);
        var agent = await AgentInTeamAsync(app, team);
        var bystander = await AgentInTeamAsync(app); // Customer Service: another team
        await using var agentHub = await app.ConnectHubAsync(agent);
        await using var bystanderHub = await app.ConnectHubAsync(bystander);
        var agentHears = Listen(agentHub, TicketLive.QueueEvent);
        var bystanderHears = Listen(bystanderHub, TicketLive.QueueEvent);
        Assert.True(await agentHub.InvokeAsync<bool>("JoinQueue"));
        Assert.True(await bystanderHub.InvokeAsync<bool>("JoinQueue"));

        var customer = await app.CreateUserAsync();
        var code = await OpenTicketOfTypeAsync(app, customer, type);
        Assert.Equal(code, (await agentHears.NextAsync()).GetProperty("code").GetString());

        using var api = await app.ApiAsync(agent);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/queue/take-next", null)).StatusCode);
        Assert.Equal(code, (await agentHears.NextAsync()).GetProperty("code").GetString());
        await Task.Delay(300);
        Assert.Equal(0, bystanderHears.Count);
    }
}
