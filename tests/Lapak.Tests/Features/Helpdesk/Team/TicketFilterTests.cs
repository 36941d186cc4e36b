using System.Net;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.TeamTickets;

/// <summary>List filters and scopes on /helpdesk/team and GET /api/v1/tickets: each one narrows, bad values are 400.</summary>
[Collection(Apps.Name)]
public sealed class TicketFilterTests(Apps apps)
{
    private static void Same(string[] expected, List<string> actual) => Assert.Equal(expected.Order(), actual.Order());

    private static List<string> Codes(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();

    [Theory, ClassData(typeof(Databases))]
    public async Task Type_priority_team_assignee_period_and_status_each_narrow_the_list(Db db)
    {
        var app = await apps.Get(db);
        var marker = "FLT" + Guid.NewGuid().ToString("N")[..6];
        var customer = await app.CreateUserAsync();
        var a = await OpenTicketAsync(app, customer, $"A {marker}");
        var b = await OpenTicketAsync(app, customer, $"B {marker}");
        var (otherTeam, otherType) = await OtherTeamAsync(app);
        var c = await OpenTicketOfTypeAsync(app, customer, otherType, $"C {marker}");
        var agent = await AgentInTeamAsync(app);
        var supervisor = await app.CreateUserAsync(Roles.Supervisor);
        var generalType = await app.WithDbAsync(d => d.Set<Ticket>().Where(t => t.Code == a).Select(t => t.RequestTypeId).SingleAsync());
        var otherTeamId = await app.WithDbAsync(d => d.Set<Team>().Where(t => t.Name == otherTeam).Select(t => t.Id).SingleAsync());
        // b: assigned to the agent, urgent, created ten days ago, then resolved.
        await app.WithDbAsync(async d =>
        {
            var t = await d.Set<Ticket>().SingleAsync(x => x.Code == b);
            t.AssigneeId = agent.Id;
            t.Priority = TicketPriority.Urgent;
            t.CreatedAt = DateTime.UtcNow.AddDays(-10);
            return await d.SaveChangesAsync();
        });
        await SetStatusAsync(app, agent, b, TicketStatus.Resolved);
        using var api = await app.ApiAsync(supervisor);
        async Task<List<string>> List(string query)
        {
            var response = await api.GetAsync($"/api/v1/tickets?q={marker}&scope=all&{query}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return Codes(await response.Content.ReadAsStringAsync());
        }

        Same([a, b, c], await List("status=any"));
        Same([a, c], await List("status=active"));
        Same([b], await List("status=resolved"));
        Same([c], await List($"type={otherType}"));
        Same([a, b], await List($"type={generalType}"));
        Same([b], await List("priority=urgent"));
        Same([c], await List($"team={otherTeamId}"));
        Same([b], await List($"assignee={agent.Id}"));
        Same([a, c], await List("assignee=none"));
        var today = DateTime.UtcNow.AddHours(7).ToString("yyyy-MM-dd");
        var weekAgo = DateTime.UtcNow.AddHours(7).AddDays(-7).ToString("yyyy-MM-dd");
        Same([a, c], await List($"from={weekAgo}"));
        Same([b], await List($"to={weekAgo}"));
        Same([a, c], await List($"from={today}&to={today}"));

        // "me" and the agent's "mine" scope: what is assigned to them.
        using var agentApi = await app.ApiAsync(agent);
        Same([b], Codes(await agentApi.GetStringAsync($"/api/v1/tickets?q={marker}&assignee=me")));
        Same([b], Codes(await agentApi.GetStringAsync($"/api/v1/tickets?q={marker}&scope=mine")));
        Same([a, b], Codes(await agentApi.GetStringAsync($"/api/v1/tickets?q={marker}&scope=teams")));

        // The page gives the same answers.
        var pages = await app.SignInAsync(supervisor);
        var page = await pages.GetAsync($"/helpdesk/team?q={marker}&type={otherType}");
        Assert.Contains(c, page.Html);
        Assert.DoesNotContain(a, page.Html);
        var active = await pages.GetAsync($"/helpdesk/team?q={marker}");
        Assert.Contains(a, active.Html);
        Assert.DoesNotContain(b, active.Html); // active by default
        Assert.Contains(b, (await pages.GetAsync($"/helpdesk/team?q={marker}&status=any&assignee=" + agent.Id)).Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Invalid_values_are_400_on_the_API_and_all_is_refused_to_agents(Db db)
    {
        var app = await apps.Get(db);
        var agent = await AgentInTeamAsync(app);
        using var api = await app.ApiAsync(agent);

        var bad = await api.GetAsync("/api/v1/tickets?status=soon&priority=huge&type=x&team=y&assignee=someone&from=24-11-2026&to=2026-13-01&scope=galaxy");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var key in new[] { "status", "priority", "type", "team", "assignee", "from", "to", "scope" })
            Assert.True(errors.TryGetProperty(key, out _), $"{key} missing in {errors}");
        var backwards = await api.GetAsync("/api/v1/tickets?from=2026-11-24&to=2026-11-01");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/tickets?scope=all")).StatusCode);
        using var customer = await app.ApiAsync(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/v1/tickets?scope=teams")).StatusCode);

        // On the page an agent has no "All tickets" tab, and typing it shows their teams' tickets.
        var pages = await app.SignInAsync(agent);
        var page = await pages.GetAsync("/helpdesk/team?scope=all");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotMatch($">\\s*{Id(app, "All tickets")}\\s*</a>", page.Html);
        Assert.Contains(Id(app, "The tickets of the teams you belong to."), page.Text);
        var supervisorPage = await (await app.SignInAsync(await app.CreateUserAsync(Roles.Supervisor))).GetAsync("/helpdesk/team");
        Assert.Matches($">\\s*{Id(app, "All tickets")}\\s*</a>", supervisorPage.Html);
    }
}
