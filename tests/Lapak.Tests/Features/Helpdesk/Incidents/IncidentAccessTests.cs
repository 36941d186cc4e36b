using System.Net;
using System.Net.Http.Json;
using Lapak.Web.Features.Helpdesk.Incidents;
using Lapak.Web.Features.Helpdesk.Tickets;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;
using static Lapak.Tests.Features.Helpdesk.Incidents.IncidentKit;

namespace Lapak.Tests.Features.Helpdesk.Incidents;

/// <summary>Who may read, declare, update and attach; what visitors see; and the answers to bad input.</summary>
[Collection(Apps.Name)]
public sealed class IncidentAccessTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Visitors_see_the_incident_and_its_technician_but_no_customer(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        var title = Title();
        var id = await DeclareAsync(app, agent, title, source: code);

        var page = await app.Pages().GetAsync("/status");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(title, page.Text);
        Assert.Contains(agent.FullName, page.Text);
        Assert.Contains("Kota Bekasi", page.Text);
        Assert.DoesNotContain(customer.FullName, page.Html);
        Assert.DoesNotContain(customer.Email, page.Html);
        Assert.DoesNotContain(Id(app, "This affects me"), page.Text); // visitors have nothing to attach with

        var details = await app.Pages().GetAsync($"/status/{id}");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Contains("Kabel fiber putus", details.Text);
        Assert.DoesNotContain(customer.Email, details.Html);

        using var anonymous = app.Anonymous();
        var list = await anonymous.GetStringAsync("/api/v1/incidents");
        Assert.Contains(title, list);
        Assert.DoesNotContain(customer.Email, list);
        Assert.DoesNotContain(customer.FullName, list);
        var one = await anonymous.GetStringAsync($"/api/v1/incidents/{id}");
        Assert.Contains(agent.FullName, one);
        Assert.Contains("\"staff\":null", one);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/incidents/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Pages().GetAsync($"/status/{Guid.NewGuid()}")).Status);

        var openApi = await anonymous.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/incidents", "/api/v1/incidents/{id}/updates", "/api/v1/incidents/{id}/attach", "/api/v1/incidents/{id}/resolve-linked" })
            Assert.Contains($"\"{path}\"", openApi);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Customers_and_visitors_cannot_declare_update_or_resolve(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var agent = await AgentInTeamAsync(app);
        var id = await DeclareAsync(app, agent, Title());
        using var api = await app.ApiAsync(customer);
        using var anonymous = app.Anonymous();

        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/incidents/{id}/updates", new { state = "resolved", message = "Selesai" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync("/api/v1/incidents",
            new { title = "X", area = "Y", impact = "minor", technicianId = agent.Id, message = "Z" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PatchAsJsonAsync($"/api/v1/incidents/{id}", new { title = "Diganti" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/incidents/{id}/resolve-linked", new { codes = Array.Empty<string>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/v1/incidents/{id}/updates", new { state = "resolved", message = "Selesai" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/v1/incidents/{id}/attach", new { })).StatusCode);
        Assert.Equal(IncidentState.Investigating, (await IncidentAsync(app, id)).State);

        var pages = await app.SignInAsync(customer);
        var staffPage = await pages.GetAsync("/helpdesk/incidents");
        Assert.StartsWith("/account/access-denied", new Uri(app.BaseAddress, staffPage.Location).PathAndQuery);
        Assert.DoesNotContain(Id(app, "Manage the incident"), (await pages.GetAsync($"/status/{id}")).Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_input_is_answered_with_the_fields_at_fault(Db db)
    {
        var app = await apps.Get(db);
        var agent = await AgentInTeamAsync(app);
        var customer = await app.CreateUserAsync();
        using var api = await app.ApiAsync(agent);

        var empty = await api.PostAsJsonAsync("/api/v1/incidents", new { title = "  ", area = "Bekasi", impact = "major", technicianId = agent.Id, message = "Putus" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("\"title\"", await empty.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);

        var unknown = await api.PostAsJsonAsync("/api/v1/incidents", new { title = "Putus", area = "Bekasi", impact = "major", technicianId = Guid.NewGuid(), message = "Putus" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("\"technicianId\"", await unknown.Content.ReadAsStringAsync());

        var notStaff = await api.PostAsJsonAsync("/api/v1/incidents", new { title = "Putus", area = "Bekasi", impact = "major", technicianId = customer.Id, message = "Putus" });
        Assert.Equal(HttpStatusCode.BadRequest, notStaff.StatusCode);
        Assert.Contains("\"technicianId\"", await notStaff.Content.ReadAsStringAsync());

        var impact = await api.PostAsJsonAsync("/api/v1/incidents", new { title = "Putus", area = "Bekasi", impact = "huge", technicianId = agent.Id, message = "Putus" });
        Assert.Contains("\"impact\"", await impact.Content.ReadAsStringAsync());

        var id = await DeclareAsync(app, agent, Title());
        var state = await PostUpdateAsync(app, agent, id, "fixed", "Sudah");
        Assert.Equal(HttpStatusCode.BadRequest, state.StatusCode);
        Assert.Contains("\"state\"", await state.Content.ReadAsStringAsync());
        var message = await PostUpdateAsync(app, agent, id, "monitoring", " ");
        Assert.Contains("\"message\"", await message.Content.ReadAsStringAsync());
        Assert.Equal(IncidentState.Investigating, (await IncidentAsync(app, id)).State);
        Assert.Equal(HttpStatusCode.NotFound, (await PostUpdateAsync(app, agent, Guid.NewGuid(), "monitoring", "Dipantau")).StatusCode);

        // The page shows the same messages beside its fields.
        var pages = await app.SignInAsync(agent);
        var refused = await pages.PostFormAsync("/helpdesk/incidents/new", new()
        {
            ["Input.Title"] = "", ["Input.Area"] = "Bekasi", ["Input.Impact"] = "Major", ["Input.TechnicianId"] = agent.Id.ToString(), ["Input.Message"] = "Putus",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(Id(app, "Enter the incident's title."), refused.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_customer_attaches_only_their_own_ticket_once_and_may_detach(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var mine = await OpenTicketAsync(app, customer);
        var theirs = await OpenTicketAsync(app, other);
        var agent = await AgentInTeamAsync(app);
        var id = await DeclareAsync(app, agent, Title());

        var foreign = await AttachAsync(app, customer, id, theirs);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Empty(await SubscriptionsAsync(app, id));
        Assert.Empty(await LinkEventsAsync(app, theirs));

        Assert.Equal(HttpStatusCode.OK, (await AttachAsync(app, customer, id, mine)).StatusCode);
        var again = await AttachAsync(app, customer, id, mine);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("\"attached\":true", await again.Content.ReadAsStringAsync());
        Assert.Single(await SubscriptionsAsync(app, id));
        Assert.Single(await LinkEventsAsync(app, mine));

        using var api = await app.ApiAsync(customer);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/incidents/{id}/attach")).StatusCode);
        Assert.Empty(await SubscriptionsAsync(app, id));
        Assert.Equal(HttpStatusCode.NotFound, (await AttachAsync(app, customer, Guid.NewGuid())).StatusCode);

        // Without a ticket is fine too; a resolved incident takes no new followers.
        Assert.Equal(HttpStatusCode.OK, (await AttachAsync(app, other, id)).StatusCode);
        Assert.Null(Assert.Single(await SubscriptionsAsync(app, id)).TicketId);
        await PostUpdateAsync(app, agent, id, "resolved", "Selesai");
        Assert.Equal(HttpStatusCode.Conflict, (await AttachAsync(app, customer, id)).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Marking_a_ticket_the_agent_does_not_work_is_not_found(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var (_, type) = await OtherTeamAsync(app);
        var code = await OpenTicketOfTypeAsync(app, customer, type);
        var outsider = await AgentInTeamAsync(app);

        var pages = await app.SignInAsync(outsider);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/helpdesk/incidents/new?ticket={code}")).Status);
        using var api = await app.ApiAsync(outsider);
        var response = await api.PostAsJsonAsync("/api/v1/incidents",
            new { title = "Putus", area = "Bekasi", impact = "major", technicianId = outsider.Id, message = "Putus", sourceTicketCode = code });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"sourceTicketCode\"", await response.Content.ReadAsStringAsync());
        Assert.Empty(await LinkEventsAsync(app, code));
    }
}
