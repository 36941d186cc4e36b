using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Tests.Features.Accounts.Tokens;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Helpdesk.Tickets;

/// <summary>Seed 001, journey 5: another system opens a ticket and follows its status with a personal API token.</summary>
[Collection(Apps.Name)]
public sealed class ThirdPartyApiTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_system_with_a_personal_token_opens_a_ticket_and_reads_its_status_as_the_agent_changes_it(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync(Roles.Customer);
        using var session = await app.ApiAsync(customer);
        var (_, secret) = await ManageTokensTests.CreateOnApiAsync(session, "Monitoring jaringan");
        using var system = ManageTokensTests.WithToken(app, secret);

        var type = await app.WithDbAsync(d => d.Set<RequestType>().Where(t => t.NameEn == "General question").Select(t => t.Id).SingleAsync());
        var created = await system.PostAsJsonAsync("/api/v1/tickets", new
        {
            requestTypeId = type, subject = "Alarm: link Bekasi-02 down", description = "Monitoring melihat link Bekasi-02 mati sejak 09:12 WIB.",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ticket = await created.Content.ReadFromJsonAsync<JsonElement>();
        var code = ticket.GetProperty("code").GetString()!;
        Assert.Equal($"/api/v1/tickets/{code}", created.Headers.Location?.OriginalString);
        Assert.Equal("new", ticket.GetProperty("status").GetString());
        var stored = await app.WithDbAsync(d => d.Set<Ticket>().Where(t => t.Code == code).Select(t => new { t.CustomerId, t.Source }).SingleAsync());
        Assert.Equal(customer.Id, stored.CustomerId);
        Assert.Equal(TicketSource.Api, stored.Source);

        var agent = await WorkspaceKit.AgentInTeamAsync(app);
        using var agentApi = await app.ApiAsync(agent);
        Assert.Equal(HttpStatusCode.NoContent, (await agentApi.PutAsJsonAsync($"/api/v1/tickets/{code}/status", new { status = "resolved" })).StatusCode);

        var read = await system.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{code}");
        Assert.Equal("resolved", read.GetProperty("status").GetString());

        // The token is its owner's and no more: another customer's ticket does not exist for it.
        var stranger = await app.CreateUserAsync(Roles.Customer);
        var theirs = await WorkspaceKit.OpenTicketAsync(app, stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await system.GetAsync($"/api/v1/tickets/{theirs}")).StatusCode);
    }
}
