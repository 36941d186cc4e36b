using System.Net.Http.Json;
using System.Net;
using Lapak.Web.Features.Helpdesk.Teams;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Teams;

/// <summary>Round-robin per team: turned on by the team's supervisor, it hands new tickets to the members in turn, even when they arrive together.</summary>
[Collection(Apps.Name)]
public sealed class RoundRobinTests(Apps apps)
{
    private static Task<Guid> TeamIdAsync(LapakApp app, string team) =>
        app.WithDbAsync(d => d.Set<Team>().Where(t => t.Name == team).Select(t => t.Id).SingleAsync());

    private static async Task<(Guid TeamId, Guid Type, TestUser A, TestUser B)> RoundRobinTeamAsync(LapakApp app)
    {
        var (team, type) = await OtherTeamAsync(app);
        var a = await AgentInTeamAsync(app, team);
        var b = await AgentInTeamAsync(app, team);
        var teamId = await TeamIdAsync(app, team);
        var supervisor = await AgentInTeamAsync(app, team);
        await app.WithDbAsync(d => d.Set<TeamMember>().Where(m => m.TeamId == teamId && m.UserId == supervisor.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsSupervisor, true)));
        var pages = await app.SignInAsync(supervisor);
        var on = await pages.PostFormAsync("/helpdesk/team/settings", new() { ["teamId"] = teamId.ToString(), ["roundRobin"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, on.Status);
        Assert.Contains(string.Format(Id(app, "Round-robin is on for {0}: new tickets go to its members in turn."), team), (await pages.FollowAsync(on)).Text);
        // The supervisor is a member too; take them out of the rotation to keep two people in turn.
        await app.WithDbAsync(d => d.Set<TeamMember>().Where(m => m.TeamId == teamId && m.UserId == supervisor.Id).ExecuteDeleteAsync());
        return (teamId, type, a, b);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task New_tickets_go_to_the_members_in_turn_and_the_history_says_the_system_assigned_them(Db db)
    {
        var app = await apps.Get(db);
        var (_, type, a, b) = await RoundRobinTeamAsync(app);
        var customer = await app.CreateUserAsync();

        var assignees = new List<Guid?>();
        for (var i = 0; i < 4; i++)
            assignees.Add((await TicketAsync(app, await OpenTicketOfTypeAsync(app, customer, type))).AssigneeId);

        Assert.All(assignees, x => Assert.Contains(x!.Value, new[] { a.Id, b.Id }));
        Assert.NotEqual(assignees[0], assignees[1]);
        Assert.Equal(assignees[0], assignees[2]);
        Assert.Equal(assignees[1], assignees[3]);

        var code = await OpenTicketOfTypeAsync(app, customer, type);
        var line = await app.WithDbAsync(d => d.Set<TicketEvent>()
            .SingleAsync(e => e.Kind == TicketEventKind.Assigned && d.Set<Ticket>().Any(t => t.Id == e.TicketId && t.Code == code)));
        Assert.Null(line.ActorId);
        Assert.Equal("Lapak", line.ActorName);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Tickets_opened_at_the_same_moment_take_different_turns(Db db)
    {
        var app = await apps.Get(db);
        var (teamId, type, a, b) = await RoundRobinTeamAsync(app);
        var c = await AgentInTeamAsync(app, await app.WithDbAsync(d => d.Set<Team>().Where(t => t.Id == teamId).Select(t => t.Name).SingleAsync()));
        var customers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.CreateUserAsync()));

        var codes = await Task.WhenAll(customers.Select(cu => OpenTicketOfTypeAsync(app, cu, type)));
        var assignees = await app.WithDbAsync(d => d.Set<Ticket>().Where(t => codes.Contains(t.Code)).Select(t => t.AssigneeId).ToListAsync());

        // Six tickets, three members: each member exactly twice, which only happens if no turn was taken twice.
        Assert.All(assignees, x => Assert.NotNull(x));
        Assert.Equal([2, 2, 2], assignees.GroupBy(x => x).Select(g => g.Count()).ToArray());
        Assert.Equal(new[] { a.Id, b.Id, c.Id }.Order(), assignees.Distinct().Select(x => x!.Value).Order());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_a_teams_supervisor_or_an_admin_turns_it_on(Db db)
    {
        var app = await apps.Get(db);
        var (team, _) = await OtherTeamAsync(app);
        var teamId = await TeamIdAsync(app, team);
        var agent = await AgentInTeamAsync(app, team);
        var pages = await app.SignInAsync(agent);

        var list = await pages.GetAsync("/helpdesk/team/settings");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains(Id(app, "You do not supervise any team."), list.Text);
        var refused = await pages.PostFormAsync("/helpdesk/team/settings", new() { ["teamId"] = teamId.ToString(), ["roundRobin"] = "true" },
            formUrl: "/helpdesk/team/queue"); // this page has no form of its own to take a token from

        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.False(await app.WithDbAsync(d => d.Set<HelpdeskTeamSettings>().AnyAsync(s => s.TeamId == teamId && s.RoundRobin)));

        var admin = await app.CreateUserAsync(Roles.Admin);
        var adminPages = await app.SignInAsync(admin);
        Assert.Contains(team, (await adminPages.GetAsync("/helpdesk/team/settings")).Text);
        Assert.Equal(HttpStatusCode.Redirect,
            (await adminPages.PostFormAsync("/helpdesk/team/settings", new() { ["teamId"] = teamId.ToString(), ["roundRobin"] = "true" })).Status);
        Assert.True(await app.WithDbAsync(d => d.Set<HelpdeskTeamSettings>().AnyAsync(s => s.TeamId == teamId && s.RoundRobin)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_sets_round_robin_for_a_supervised_team_only(Db db)
    {
        var app = await apps.Get(db);
        var (team, _) = await OtherTeamAsync(app);
        var teamId = await TeamIdAsync(app, team);
        var supervisor = await AgentInTeamAsync(app, team);
        await app.WithDbAsync(d => d.Set<TeamMember>().Where(m => m.TeamId == teamId && m.UserId == supervisor.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsSupervisor, true)));
        using var api = await app.ApiAsync(supervisor);

        var listed = await api.GetFromJsonAsync<List<SetRoundRobin.TeamRow>>("/api/v1/helpdesk/teams");
        Assert.Equal([teamId], listed!.Select(t => t.Id));
        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync($"/api/v1/helpdesk/teams/{teamId}/round-robin", new { enabled = true })).StatusCode);
        Assert.True(await app.WithDbAsync(d => d.Set<HelpdeskTeamSettings>().Where(s => s.TeamId == teamId).Select(s => s.RoundRobin).SingleAsync()));

        // A team they do not supervise does not exist for them; a plain agent supervises nothing; customers may not ask.
        var customerService = await TeamIdAsync(app, CustomerService);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/helpdesk/teams/{customerService}/round-robin", new { enabled = true })).StatusCode);
        using var agent = await app.ApiAsync(await AgentInTeamAsync(app, team));
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PutAsJsonAsync($"/api/v1/helpdesk/teams/{teamId}/round-robin", new { enabled = false })).StatusCode);
        using var customer = await app.ApiAsync(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PutAsJsonAsync($"/api/v1/helpdesk/teams/{teamId}/round-robin", new { enabled = false })).StatusCode);
        Assert.False(await app.WithDbAsync(d => d.Set<HelpdeskTeamSettings>().AnyAsync(s => s.TeamId == customerService && s.RoundRobin)));
        Assert.True(await app.WithDbAsync(d => d.Set<HelpdeskTeamSettings>().Where(s => s.TeamId == teamId).Select(s => s.RoundRobin).SingleAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_team_list_offers_team_settings_to_whoever_supervises_a_team_and_to_nobody_else(Db db)
    {
        var app = await apps.Get(db);
        var (team, _) = await OtherTeamAsync(app);
        var teamId = await TeamIdAsync(app, team);
        var leader = await AgentInTeamAsync(app, team);
        await app.WithDbAsync(d => d.Set<TeamMember>().Where(m => m.TeamId == teamId && m.UserId == leader.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsSupervisor, true)));
        var member = await AgentInTeamAsync(app, team);

        Assert.Contains("href=\"/helpdesk/team/settings\"", (await (await app.SignInAsync(leader)).GetAsync("/helpdesk/team")).Html);
        Assert.DoesNotContain("href=\"/helpdesk/team/settings\"", (await (await app.SignInAsync(member)).GetAsync("/helpdesk/team")).Html);
    }
}
