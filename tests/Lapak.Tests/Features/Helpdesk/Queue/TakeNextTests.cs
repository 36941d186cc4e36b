using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Lapak.Tests.Features.Accounts.Account;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapak.Tests.Features.Helpdesk.Queue;

/// <summary>The FIFO queue and "take next" (seed 002).</summary>
[Collection(Apps.Name)]
public sealed class TakeNextTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_hundred_agents_pressing_take_next_at_once_give_every_ticket_exactly_one_owner_and_nobody_two(Db db)
    {
        var app = await apps.Get(db);
        var (team, type) = await NewTeamAsync(app);
        var agents = await AgentsAsync(app, team, 100);
        var customer = await app.CreateUserAsync();
        var tickets = await TicketsAsync(app, team, type, customer.Id, 40);

        var taken = await Task.WhenAll(agents.Select(agent => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var ticket = await scope.ServiceProvider.GetRequiredService<TakeNextTicket.Handler>().HandleAsync(Principal(agent));
            return (Agent: agent, Ticket: ticket?.Id);
        })));

        var winners = taken.Where(t => t.Ticket is not null).ToList();
        Assert.Equal(tickets.Count, winners.Count);                              // every ticket was handed out…
        Assert.Equal(tickets.Count, winners.Select(w => w.Ticket).Distinct().Count()); // …each to one agent
        var owners = await app.WithDbAsync(d => d.Set<Ticket>().Where(t => t.TeamId == team).Select(t => new { t.Id, t.AssigneeId }).ToListAsync());
        Assert.All(owners, o => Assert.NotNull(o.AssigneeId));
        Assert.All(winners, w => Assert.Equal(w.Agent, owners.Single(o => o.Id == w.Ticket).AssigneeId));
        Assert.Equal(owners.Count, owners.Select(o => o.AssigneeId).Distinct().Count()); // no agent got two
        var assignedEvents = await app.WithDbAsync(d => d.Set<TicketEvent>()
            .CountAsync(e => e.Kind == TicketEventKind.Assigned && d.Set<Ticket>().Any(t => t.Id == e.TicketId && t.TeamId == team)));
        Assert.Equal(tickets.Count, assignedEvents);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_queue_serves_the_highest_priority_first_then_the_oldest(Db db)
    {
        var app = await apps.Get(db);
        var (team, type) = await NewTeamAsync(app);
        var agent = (await AgentsAsync(app, team, 1)).Single();
        var customer = await app.CreateUserAsync();
        var t0 = DateTime.UtcNow.AddHours(-5);
        var oldNormal = await TicketAsync(app, team, type, customer.Id, TicketPriority.Normal, t0);
        var newUrgent = await TicketAsync(app, team, type, customer.Id, TicketPriority.Urgent, t0.AddHours(4));
        var oldUrgent = await TicketAsync(app, team, type, customer.Id, TicketPriority.Urgent, t0.AddHours(1));
        var low = await TicketAsync(app, team, type, customer.Id, TicketPriority.Low, t0.AddMinutes(-30));
        var high = await TicketAsync(app, team, type, customer.Id, TicketPriority.High, t0.AddHours(3));

        var order = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            order.Add((await scope.ServiceProvider.GetRequiredService<TakeNextTicket.Handler>().HandleAsync(Principal(agent)))!.Id);
        }
        Assert.Equal([oldUrgent, newUrgent, high, oldNormal, low], order);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Through_the_api_an_agent_takes_a_ticket_sees_an_empty_queue_afterwards_and_customers_are_refused(Db db)
    {
        var app = await apps.Get(db);
        var (team, type) = await NewTeamAsync(app);
        var agentId = (await AgentsAsync(app, team, 1)).Single();
        var agentEmail = await app.WithDbAsync(d => d.Users.Where(u => u.Id == agentId).Select(u => u.Email!).SingleAsync());
        var customer = await app.CreateUserAsync();
        var ticket = await TicketAsync(app, team, type, customer.Id, TicketPriority.Normal, DateTime.UtcNow);
        using var agent = await app.ApiAsync(new TestUser(agentId, agentEmail, LapakApp.Password, ""));
        using var customerApi = await app.ApiAsync(customer);

        var queue = await agent.GetFromJsonAsync<JsonElement>("/api/v1/queue");
        Assert.Equal(1, queue.GetArrayLength());
        var took = await agent.PostAsync("/api/v1/queue/take-next", null);
        Assert.Equal(HttpStatusCode.OK, took.StatusCode);
        var details = await took.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("open", details.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await agent.PostAsync("/api/v1/queue/take-next", null)).StatusCode);
        Assert.Equal(0, (await agent.GetFromJsonAsync<JsonElement>("/api/v1/queue")).GetArrayLength());

        await AuthApiTests.AssertProblem(await customerApi.PostAsync("/api/v1/queue/take-next", null), HttpStatusCode.Forbidden);
        Assert.Null(await app.WithDbAsync(d => d.Set<Ticket>().Where(t => t.Id == ticket && t.AssigneeId == customer.Id).Select(t => (Guid?)t.Id).SingleOrDefaultAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_queue_page_lists_the_waiting_tickets_and_take_next_leads_to_the_ticket(Db db)
    {
        var app = await apps.Get(db);
        var (team, type) = await NewTeamAsync(app);
        var agentId = (await AgentsAsync(app, team, 1)).Single();
        var agentEmail = await app.WithDbAsync(d => d.Users.Where(u => u.Id == agentId).Select(u => u.Email!).SingleAsync());
        var customer = await app.CreateUserAsync();
        await TicketAsync(app, team, type, customer.Id, TicketPriority.High, DateTime.UtcNow, subject: "Server rack tidak bisa diakses");
        var pages = await app.SignInAsync(new TestUser(agentId, agentEmail, LapakApp.Password, ""));

        var queue = await pages.GetAsync("/helpdesk/team/queue");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        Assert.Contains("Server rack tidak bisa diakses", queue.Text);

        var took = await pages.PostFormAsync("/helpdesk/team/queue", []);
        Assert.Equal(HttpStatusCode.Redirect, took.Status);
        Assert.StartsWith("/helpdesk/tickets/", took.Location);
        Assert.DoesNotContain("Server rack tidak bisa diakses", (await pages.GetAsync("/helpdesk/team/queue")).Text);

        var customerPages = await app.SignInAsync(customer);
        Assert.NotEqual(HttpStatusCode.OK, (await customerPages.GetAsync("/helpdesk/team/queue")).Status);
    }

    // ---------- arrange ----------

    private static ClaimsPrincipal Principal(Guid agent) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, agent.ToString()), new Claim(ClaimTypes.Role, Roles.Agent), new Claim(LapakClaims.FullName, "Agent")], "test"));

    private static Task<(Guid Team, Guid Type)> NewTeamAsync(LapakApp app) => app.WithDbAsync(async d =>
    {
        var team = new Team { Name = "Queue " + Guid.NewGuid().ToString("N")[..8], CreatedAt = DateTime.UtcNow };
        var type = new RequestType { NameId = "Antre " + team.Name, NameEn = "Queue " + team.Name, DefaultTeamId = team.Id, CreatedAt = DateTime.UtcNow };
        d.AddRange(team, type);
        await d.SaveChangesAsync();
        return (team.Id, type.Id);
    });

    /// <summary>Agents of <paramref name="team"/>; one is made properly, the rest copy its password hash so a hundred cost no time.</summary>
    private static async Task<List<Guid>> AgentsAsync(LapakApp app, Guid team, int count)
    {
        var first = await app.CreateUserAsync(Roles.Agent);
        return await app.WithDbAsync(async d =>
        {
            var template = await d.Users.AsNoTracking().SingleAsync(u => u.Id == first.Id);
            var agentRole = await d.Roles.Where(r => r.Name == Roles.Agent).Select(r => r.Id).SingleAsync();
            var ids = new List<Guid> { first.Id };
            for (var i = 1; i < count; i++)
            {
                var email = $"agent-{Guid.NewGuid():N}@test.lapak";
                var u = new LapakUser
                {
                    Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true, FullName = $"Agent {i}", PasswordHash = template.PasswordHash, SecurityStamp = Guid.NewGuid().ToString("N"),
                    ConcurrencyStamp = Guid.NewGuid().ToString(), CreatedAt = DateTime.UtcNow,
                };
                d.Add(u);
                d.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = u.Id, RoleId = agentRole });
                ids.Add(u.Id);
            }
            d.AddRange(ids.Select(id => new TeamMember { TeamId = team, UserId = id }));
            await d.SaveChangesAsync();
            return ids;
        });
    }

    private static async Task<List<Guid>> TicketsAsync(LapakApp app, Guid team, Guid type, Guid customer, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++) ids.Add(await TicketAsync(app, team, type, customer, TicketPriority.Normal, DateTime.UtcNow.AddMinutes(-i)));
        return ids;
    }

    private static Task<Guid> TicketAsync(LapakApp app, Guid team, Guid type, Guid customer, TicketPriority priority, DateTime createdAt,
        string subject = "Antre") => app.WithDbAsync(async d =>
    {
        var t = new Ticket
        {
            Code = TicketCode.New(), RequestTypeId = type, TeamId = team, CustomerId = customer, CreatedById = customer, Subject = subject,
            Description = "…", Priority = priority, CreatedAt = createdAt, UpdatedAt = createdAt,
        };
        d.Add(t);
        await d.SaveChangesAsync();
        return t.Id;
    });
}
