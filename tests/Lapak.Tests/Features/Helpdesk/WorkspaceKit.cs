using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapak.Tests.Features.Helpdesk;

/// <summary>Arrange steps for the ticket page and team list tests: tickets opened through the API, agents put in teams.</summary>
public static class WorkspaceKit
{
    public const string CustomerService = "Customer Service";

    /// <summary>Opens a ticket of the demo type "General question" (no extra fields) as <paramref name="customer"/>; returns its code.</summary>
    public static async Task<string> OpenTicketAsync(LapakApp app, TestUser customer, string? subject = null, string? description = null)
    {
        var type = await app.WithDbAsync(d => d.Set<RequestType>().Where(t => t.NameEn == "General question").Select(t => t.Id).SingleAsync());
        return await OpenTicketOfTypeAsync(app, customer, type, subject, description);
    }

    public static async Task<string> OpenTicketOfTypeAsync(LapakApp app, TestUser customer, Guid type, string? subject = null, string? description = null)
    {
        using var api = await app.ApiAsync(customer);
        var response = await api.PostAsJsonAsync("/api/v1/tickets", new
        {
            requestTypeId = type,
            subject = subject ?? "Tagihan bulan ini dobel " + Guid.NewGuid().ToString("N")[..6],
            description = description ?? "Saya ditagih dua kali untuk bulan November.",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("code").GetString()!;
    }

    /// <summary>
    /// A new agent who is a member of <paramref name="team"/> (the demo Customer Service team by default). Their e-mail
    /// channel is off unless <paramref name="email"/>: the shared test apps' Customer Service team gathers hundreds of
    /// agents, and mailing each of them about every ticket would only slow the outbox the mail tests wait on.
    /// </summary>
    public static async Task<TestUser> AgentInTeamAsync(LapakApp app, string team = CustomerService, string role = Roles.Agent, bool email = false)
    {
        var agent = await app.CreateUserAsync(role);
        await app.WithDbAsync(async d =>
        {
            var teamId = await d.Set<Team>().Where(t => t.Name == team).Select(t => t.Id).SingleAsync();
            d.Add(new TeamMember { TeamId = teamId, UserId = agent.Id });
            if (!email) (await d.Users.SingleAsync(u => u.Id == agent.Id)).NotifyEmail = false;
            return await d.SaveChangesAsync();
        });
        return agent;
    }

    /// <summary>A team of its own with a request type it receives, so its tickets are not Customer Service's.</summary>
    public static async Task<(string Team, Guid RequestType)> OtherTeamAsync(LapakApp app)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var team = new Team { Name = "Tim Lapangan " + tag, CreatedAt = DateTime.UtcNow };
        var type = new RequestType { NameId = "Pemasangan baru " + tag, NameEn = "New installation " + tag, DefaultTeamId = team.Id, CreatedAt = DateTime.UtcNow };
        await app.WithDbAsync(d =>
        {
            d.Add(team);
            d.Add(type);
            return d.SaveChangesAsync();
        });
        return (team.Name, type.Id);
    }

    /// <summary>Moves a ticket through the API as <paramref name="staff"/>.</summary>
    public static async Task SetStatusAsync(LapakApp app, TestUser staff, string code, TicketStatus status)
    {
        using var api = await app.ApiAsync(staff);
        var response = await api.PutAsJsonAsync($"/api/v1/tickets/{code}/status", new { status = status.ToString() });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    public static Task<Ticket> TicketAsync(LapakApp app, string code) =>
        app.WithDbAsync(d => d.Set<Ticket>().AsNoTracking().SingleAsync(t => t.Code == code));

    public static Task<List<TicketMessage>> MessagesAsync(LapakApp app, string code) =>
        app.WithDbAsync(d => (from m in d.Set<TicketMessage>() join t in d.Set<Ticket>() on m.TicketId equals t.Id
                              where t.Code == code orderby m.CreatedAt select m).AsNoTracking().ToListAsync());

    /// <summary>The Bahasa Indonesia text the app shows for <paramref name="english"/> (tests browse in Indonesian).</summary>
    public static string Id(LapakApp app, string english) => app.Services.GetRequiredService<LapakText>().Get(english, LapakCultures.Indonesian);

    public static string Page(string code) => $"/helpdesk/tickets/{code}";
}
