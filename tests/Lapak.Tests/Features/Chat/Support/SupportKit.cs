using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.RequestTypes;

namespace Lapak.Tests.Features.Chat.Support;

/// <summary>A team of its own per test (its queue holds only that test's chats), its agents, and a chat started through the API.</summary>
public static class SupportKit
{
    public sealed record TestTeam(Guid Id, string Name, Guid RequestTypeId);

    public static async Task<TestTeam> TeamAsync(LapakApp app)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var team = new Team { Name = "Tim Chat " + tag, CreatedAt = DateTime.UtcNow };
        var type = new RequestType { NameId = "Pertanyaan chat " + tag, NameEn = "Chat question " + tag, DefaultTeamId = team.Id, CreatedAt = DateTime.UtcNow };
        await app.WithDbAsync(d =>
        {
            d.Add(team);
            d.Add(type);
            return d.SaveChangesAsync();
        });
        return new(team.Id, team.Name, type.Id);
    }

    public static async Task<TestUser> AgentAsync(LapakApp app, TestTeam team)
    {
        var agent = await app.CreateUserAsync(Roles.Agent);
        await app.WithDbAsync(d =>
        {
            d.Add(new TeamMember { TeamId = team.Id, UserId = agent.Id });
            return d.SaveChangesAsync();
        });
        return agent;
    }

    public static Task<HttpResponseMessage> StartAsync(HttpClient customer, Guid teamId, string body, string? key = null) =>
        customer.PostAsJsonAsync("/api/v1/support-chats", new { teamId, body, clientKey = key ?? Guid.NewGuid().ToString("N") });

    public static async Task<Guid> StartedAsync(HttpClient customer, Guid teamId, string body)
    {
        var response = await StartAsync(customer, teamId, body);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetGuid();
    }

    public static async Task<JsonElement> QueueAsync(HttpClient agent) =>
        await agent.GetFromJsonAsync<JsonElement>("/api/v1/support-chats/queue");

    public static IEnumerable<Guid> Ids(JsonElement list) => list.EnumerateArray().Select(i => i.GetProperty("id").GetGuid());
}
