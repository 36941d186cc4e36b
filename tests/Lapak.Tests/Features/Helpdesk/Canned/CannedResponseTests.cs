using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.Canned;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Canned;

/// <summary>Canned responses: supervisors and admins manage them, agents insert them filled in, customers never see them.</summary>
[Collection(Apps.Name)]
public sealed class CannedResponseTests(Apps apps)
{
    private static Task<List<CannedResponse>> NamedAsync(LapakApp app, string tag) =>
        app.WithDbAsync(d => d.Set<CannedResponse>().Where(c => c.Title.Contains(tag)).AsNoTracking().ToListAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task A_supervisor_creates_one_on_the_page_and_an_agent_gets_it_with_the_tickets_placeholders_filled(Db db)
    {
        var app = await apps.Get(db);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var supervisor = await app.SignInAsync(await app.CreateUserAsync(Roles.Supervisor));
        var teamId = await app.WithDbAsync(d => d.Set<Team>().Where(t => t.Name == CustomerService).Select(t => t.Id).SingleAsync());

        var saved = await supervisor.PostFormAsync("/helpdesk/canned/new", new()
        {
            ["Input.Title"] = $"Gangguan selesai {tag}", ["Input.TeamId"] = teamId.ToString(), ["Input.IsActive"] = "true",
            ["Input.Body"] = "Halo {customer_name}, tiket {ticket_code} ({ticket_subject}) sudah beres. Salam, {agent_name}. {nomor_resi}",
        });
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.ToString());
        Assert.Contains($"Gangguan selesai {tag}", (await supervisor.FollowAsync(saved)).Text);
        Assert.Single(await NamedAsync(app, tag));

        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer, subject: "Internet putus " + tag);
        var agent = await AgentInTeamAsync(app);
        using var api = await app.ApiAsync(agent);
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{code}/canned-responses");
        var body = list.EnumerateArray().Single(c => c.GetProperty("title").GetString() == $"Gangguan selesai {tag}").GetProperty("body").GetString();
        Assert.Equal($"Halo {customer.FullName}, tiket {TicketCode.Display(code)} (Internet putus {tag}) sudah beres. Salam, {agent.FullName}. {{nomor_resi}}", body);

        var page = await (await app.SignInAsync(agent)).GetAsync(Page(code));
        Assert.Contains($"data-canned-url=\"/api/v1/tickets/{code}/canned-responses\"", page.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Switched_off_and_other_teams_responses_are_not_offered_on_a_ticket(Db db)
    {
        var app = await apps.Get(db);
        var tag = Guid.NewGuid().ToString("N")[..6];
        using var admin = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));
        var (otherTeam, _) = await OtherTeamAsync(app);
        var otherTeamId = await app.WithDbAsync(d => d.Set<Team>().Where(t => t.Name == otherTeam).Select(t => t.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/helpdesk/canned-responses", new { title = $"Semua tim {tag}", body = "Halo" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/helpdesk/canned-responses", new { title = $"Tim lain {tag}", body = "Halo", teamId = otherTeamId })).StatusCode);
        var off = await admin.PostAsJsonAsync("/api/v1/helpdesk/canned-responses", new { title = $"Lama {tag}", body = "Halo" });
        var offId = (await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/helpdesk/canned-responses/{offId}", new { title = $"Lama {tag}", body = "Halo", isActive = false })).StatusCode);

        var code = await OpenTicketAsync(app, await app.CreateUserAsync());
        using var agent = await app.ApiAsync(await AgentInTeamAsync(app));
        var titles = (await agent.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{code}/canned-responses")).EnumerateArray()
            .Select(c => c.GetProperty("title").GetString()).Where(t => t!.EndsWith(tag)).ToList();
        Assert.Equal([$"Semua tim {tag}"], titles);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/helpdesk/canned-responses/{offId}")).StatusCode);
        Assert.Equal(2, (await NamedAsync(app, tag)).Count);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Agents_may_read_but_not_change_them_and_customers_cannot_even_list_them(Db db)
    {
        var app = await apps.Get(db);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var agentUser = await AgentInTeamAsync(app);
        using var agent = await app.ApiAsync(agentUser);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/v1/helpdesk/canned-responses")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/helpdesk/canned-responses", new { title = $"Agen {tag}", body = "Halo" })).StatusCode);
        var agentPages = await app.SignInAsync(agentUser);
        Assert.Equal(HttpStatusCode.OK, (await agentPages.GetAsync("/helpdesk/canned")).Status);
        await AssertDeniedAsync(agentPages, "/helpdesk/canned/new");
        Assert.Empty(await NamedAsync(app, tag));

        var customerUser = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customerUser);
        using var customer = await app.ApiAsync(customerUser);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/v1/helpdesk/canned-responses")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync($"/api/v1/tickets/{code}/canned-responses")).StatusCode);
        var customerPages = await app.SignInAsync(customerUser);
        await AssertDeniedAsync(customerPages, "/helpdesk/canned");
        Assert.DoesNotContain("canned-picker", (await customerPages.GetAsync(Page(code))).Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_response_without_a_title_gets_field_errors_on_the_page_and_in_the_api_and_nothing_is_saved(Db db)
    {
        var app = await apps.Get(db);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var supervisorUser = await app.CreateUserAsync(Roles.Supervisor);
        var pages = await app.SignInAsync(supervisorUser);

        var page = await pages.PostFormAsync("/helpdesk/canned/new", new() { ["Input.Title"] = "", ["Input.Body"] = $"Isi {tag}" });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(Id(app, "Enter a title."), page.FieldError("Input.Title"));
        Assert.Contains($"Isi {tag}", page.Html);

        using var api = await app.ApiAsync(supervisorUser);
        var response = await api.PostAsJsonAsync("/api/v1/helpdesk/canned-responses", new { title = "", body = $"Isi {tag}", teamId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("title", out _));
        var unknownTeam = await api.PostAsJsonAsync("/api/v1/helpdesk/canned-responses", new { title = $"Tim hilang {tag}", body = "Isi", teamId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, unknownTeam.StatusCode);
        Assert.True((await unknownTeam.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("teamId", out _));
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<CannedResponse>().CountAsync(c => c.Body.Contains(tag) || c.Title.Contains(tag))));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_supervisor_switches_one_off_on_the_page_and_deletes_it_and_agents_no_longer_get_it(Db db)
    {
        var app = await apps.Get(db);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var pages = await app.SignInAsync(await app.CreateUserAsync(Roles.Supervisor));
        await pages.PostFormAsync("/helpdesk/canned/new", new() { ["Input.Title"] = $"Promo {tag}", ["Input.Body"] = "Halo {customer_name}", ["Input.IsActive"] = "true" });
        var id = (await NamedAsync(app, tag)).Single().Id;
        var code = await OpenTicketAsync(app, await app.CreateUserAsync());
        using var agent = await app.ApiAsync(await AgentInTeamAsync(app));
        async Task<bool> OfferedAsync() => (await agent.GetStringAsync($"/api/v1/tickets/{code}/canned-responses")).Contains($"Promo {tag}");
        Assert.True(await OfferedAsync());

        // An unchecked checkbox posts only its hidden "false".
        var off = await pages.PostFormAsync($"/helpdesk/canned/{id}", new() { ["Input.Title"] = $"Promo {tag}", ["Input.Body"] = "Halo {customer_name}", ["Input.IsActive"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, off.Status);
        Assert.False((await NamedAsync(app, tag)).Single().IsActive);
        Assert.False(await OfferedAsync());
        Assert.Contains(Id(app, "Switched off"), (await pages.GetAsync("/helpdesk/canned")).Text);

        var deleted = await pages.PostFormAsync($"/helpdesk/canned/{id}?handler=Delete", [], formUrl: $"/helpdesk/canned/{id}");
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Contains(Id(app, "The canned response has been deleted."), (await pages.FollowAsync(deleted)).Text);
        Assert.Empty(await NamedAsync(app, tag));
    }

    private static async Task AssertDeniedAsync(PageClient pages, string url)
    {
        var page = await pages.GetAsync(url);
        Assert.True(page.Status == HttpStatusCode.Redirect && page.Location!.Contains("/account/access-denied"), $"{url}: {page}");
        Assert.Equal(HttpStatusCode.Forbidden, (await pages.FollowAsync(page)).Status);
    }
}
