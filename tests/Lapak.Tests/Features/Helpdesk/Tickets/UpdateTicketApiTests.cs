using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Tickets;

/// <summary><c>PATCH /api/v1/tickets/{code}</c>: several changes at once, all or nothing, with the status codes of the rules.</summary>
[Collection(Apps.Name)]
public sealed class UpdateTicketApiTests(Apps apps)
{
    private static Task<int> EventCountAsync(LapakApp app, string code) =>
        app.WithDbAsync(d => d.Set<TicketEvent>().CountAsync(e => d.Set<Ticket>().Any(t => t.Id == e.TicketId && t.Code == code)));

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_change_status_priority_assignee_type_and_details_in_one_request(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        var type = await app.WithDbAsync(d => d.Set<RequestType>().Where(t => t.IsActive && t.NameEn != "General question").Select(t => t.Id).FirstAsync());
        using var api = await app.ApiAsync(agent);

        var response = await api.PatchAsJsonAsync($"/api/v1/tickets/{code}", new
        {
            status = "PendingCustomer", priority = "High", assigneeId = agent.Id, requestTypeId = type,
            subject = "Modem mati total", description = "Lampu power tidak menyala.",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("pendingCustomer", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(agent.FullName, body.RootElement.GetProperty("assigneeName").GetString());

        var ticket = await TicketAsync(app, code);
        Assert.Equal((TicketStatus.PendingCustomer, TicketPriority.High, agent.Id, type, "Modem mati total", "Lampu power tidak menyala."),
            (ticket.Status, ticket.Priority, ticket.AssigneeId, ticket.RequestTypeId, ticket.Subject, ticket.Description));
        var kinds = await app.WithDbAsync(d => d.Set<TicketEvent>().Where(e => e.TicketId == ticket.Id).Select(e => e.Kind).ToListAsync());
        Assert.Contains(TicketEventKind.StatusChanged, kinds);
        Assert.Contains(TicketEventKind.PriorityChanged, kinds);
        Assert.Contains(TicketEventKind.Assigned, kinds);
        Assert.Contains(TicketEventKind.TypeChanged, kinds);
        Assert.Equal(2, kinds.Count(k => k == TicketEventKind.DetailsEdited));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task One_invalid_part_changes_nothing_and_every_mistake_is_named(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        var stranger = await app.CreateUserAsync(Roles.Agent);
        var before = await TicketAsync(app, code);
        var events = await EventCountAsync(app, code);
        using var api = await app.ApiAsync(agent);

        var response = await api.PatchAsJsonAsync($"/api/v1/tickets/{code}", new
        {
            status = "Resolved", priority = "Urgent", subject = "x", assigneeId = stranger.Id, requestTypeId = Guid.NewGuid(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var field in new[] { "\"subject\"", "\"assigneeId\"", "\"requestTypeId\"" }) Assert.Contains(field, text);

        var after = await TicketAsync(app, code);
        Assert.Equal((before.Status, before.Priority, before.Subject, before.AssigneeId, before.RequestTypeId),
            (after.Status, after.Priority, after.Subject, after.AssigneeId, after.RequestTypeId));
        Assert.Equal(events, await EventCountAsync(app, code));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_illegal_status_jump_is_a_conflict_and_the_other_changes_are_not_applied(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        await SetStatusAsync(app, agent, code, TicketStatus.Resolved);
        var events = await EventCountAsync(app, code);
        using var api = await app.ApiAsync(agent);

        var response = await api.PatchAsJsonAsync($"/api/v1/tickets/{code}", new { status = "PendingCustomer", priority = "Urgent" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var ticket = await TicketAsync(app, code);
        Assert.Equal((TicketStatus.Resolved, TicketPriority.Low), (ticket.Status, ticket.Priority));
        Assert.Equal(events, await EventCountAsync(app, code));

        // The older PUT …/status keeps working.
        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync($"/api/v1/tickets/{code}/status", new { status = "Open" })).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_ticket_the_caller_may_not_see_is_not_found(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var (team, _) = await OtherTeamAsync(app);
        var outsider = await AgentInTeamAsync(app, team);
        using var api = await app.ApiAsync(outsider);

        Assert.Equal(HttpStatusCode.NotFound, (await api.PatchAsJsonAsync($"/api/v1/tickets/{code}", new { priority = "Urgent" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PatchAsJsonAsync("/api/v1/tickets/ZZZZZZZZ", new { priority = "Urgent" })).StatusCode);
        Assert.Equal(TicketPriority.Low, (await TicketAsync(app, code)).Priority);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Unassigning_sends_the_ticket_back_to_the_queue_and_needs_a_reason(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        using var api = await app.ApiAsync(agent);
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/tickets/{code}", new { assigneeId = agent.Id })).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await api.PatchAsJsonAsync($"/api/v1/tickets/{code}", new { unassign = true })).StatusCode);
        Assert.Equal(agent.Id, (await TicketAsync(app, code)).AssigneeId);

        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/tickets/{code}", new { unassign = true, reason = "Saya cuti besok" })).StatusCode);
        Assert.Null((await TicketAsync(app, code)).AssigneeId);
        using var queue = JsonDocument.Parse(await api.GetStringAsync("/api/v1/queue"));
        Assert.Contains(queue.RootElement.EnumerateArray(), q => q.GetProperty("code").GetString() == code);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Two_people_assigning_at_once_end_with_one_assignee_and_the_other_hears_of_a_conflict(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var agents = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => AgentInTeamAsync(app)));
        var code = await OpenTicketAsync(app, customer);
        var clients = await Task.WhenAll(agents.Select(a => app.ApiAsync(a)));

        var answers = await Task.WhenAll(clients.Select((c, i) => c.PatchAsJsonAsync($"/api/v1/tickets/{code}", new { assigneeId = agents[i].Id })));
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.OK);
        // Too late: either caught in the act (409) or the ticket already had someone, so taking it needs a reason (400).
        Assert.All(answers.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.BadRequest }));
        var winner = agents[Array.FindIndex(answers, r => r.StatusCode == HttpStatusCode.OK)];
        Assert.Equal(winner.Id, (await TicketAsync(app, code)).AssigneeId);
        Assert.Single(await app.WithDbAsync(d => d.Set<TicketEvent>()
            .Where(e => e.Kind == TicketEventKind.Assigned && d.Set<Ticket>().Any(t => t.Id == e.TicketId && t.Code == code)).ToListAsync()));
        foreach (var c in clients) c.Dispose();
    }
}
