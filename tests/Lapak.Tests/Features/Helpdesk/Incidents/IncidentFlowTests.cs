using System.Net;
using System.Net.Http.Json;
using Lapak.Web.Features.Helpdesk;
using Lapak.Web.Features.Helpdesk.Incidents;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;
using static Lapak.Tests.Features.Helpdesk.Incidents.IncidentKit;

namespace Lapak.Tests.Features.Helpdesk.Incidents;

/// <summary>
/// The whole incident flow of seed 001 with two customers: an agent marks one customer's ticket as a public incident,
/// a second customer says "this affects me" with their ticket, every update reaches both, and resolving the incident
/// offers both tickets, which are then resolved with each customer told.
/// </summary>
[Collection(Apps.Name)]
public sealed class IncidentFlowTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Two_attached_customers_hear_every_update_and_their_tickets_are_resolved_with_the_incident(Db db)
    {
        var app = await apps.Get(db);
        var first = await app.CreateUserAsync();
        var second = await app.CreateUserAsync();
        var firstCode = await OpenTicketAsync(app, first, subject: "Internet mati sejak pagi " + Guid.NewGuid().ToString("N")[..6]);
        var secondCode = await OpenTicketAsync(app, second);
        var agent = await AgentInTeamAsync(app);
        var agentPages = await app.SignInAsync(agent);

        // Mark as public incident: the form starts from the ticket.
        var form = await agentPages.GetAsync($"/helpdesk/incidents/new?ticket={firstCode}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var subject = (await TicketAsync(app, firstCode)).Subject;
        Assert.Contains($"value=\"{subject}\"", form.Html);
        var title = Title();
        var declared = await agentPages.PostFormAsync("/helpdesk/incidents/new", new()
        {
            ["Input.Title"] = title, ["Input.Area"] = "Kota Bekasi", ["Input.Impact"] = "Major", ["Input.TechnicianId"] = agent.Id.ToString(),
            ["Input.Message"] = "Kabel fiber putus di Jl. Ahmad Yani.", ["Input.SourceTicketCode"] = firstCode,
        }, formUrl: $"/helpdesk/incidents/new?ticket={firstCode}");
        Assert.Equal(HttpStatusCode.Redirect, declared.Status);
        var id = await app.WithDbAsync(d => d.Set<Incident>().Where(i => i.Title == title).Select(i => i.Id).SingleAsync());
        Assert.Single(await LinkEventsAsync(app, firstCode));
        Assert.Equal(1, await NotificationsAsync(app, first, IncidentNotifications.Updated)); // the first update

        // The second customer finds it on /status and attaches their own ticket.
        var secondPages = await app.SignInAsync(second);
        var status = await secondPages.GetAsync("/status");
        Assert.Contains(title, status.Text);
        Assert.Contains($"value=\"{secondCode}\"", status.Html);
        var attached = await secondPages.PostFormAsync($"/status/{id}?handler=Attach", new() { ["ticketCode"] = secondCode, ["list"] = "true" },
            formUrl: "/status");
        Assert.Equal(HttpStatusCode.Redirect, attached.Status);
        Assert.Equal($"/status#incident-{id}", attached.Location);
        var subscriptions = await SubscriptionsAsync(app, id);
        Assert.Equal(2, subscriptions.Count);
        Assert.Contains(string.Format(Id(app, "You follow this incident with ticket {0}."), TicketCode.Display(secondCode)),
            (await secondPages.GetAsync("/status")).Text);
        Assert.Contains(string.Format(Id(app, "{0} linked the ticket to the incident “{1}”"), second.FullName, title),
            (await secondPages.GetAsync(Page(secondCode))).Text);

        // An update reaches both, in the app and by e-mail.
        var update = "Tim sudah di lokasi, perbaikan " + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.OK, (await PostUpdateAsync(app, agent, id, "identified", update)).StatusCode);
        foreach (var customer in new[] { first, second })
        {
            Assert.Equal(customer == first ? 2 : 1, await NotificationsAsync(app, customer, IncidentNotifications.Updated));
            var mail = await app.Mail.WaitForAsync(customer.Email, m => (m.Text ?? "").Contains(update));
            Assert.Contains(title, mail.Subject);
            Assert.Contains($"/status/{id}", mail.Text);
        }

        // Resolving offers both linked tickets, all checked.
        Assert.Equal(HttpStatusCode.OK, (await PostUpdateAsync(app, agent, id, "resolved", "Kabel sudah disambung.")).StatusCode);
        Assert.NotNull((await IncidentAsync(app, id)).ResolvedAt);
        var manage = await agentPages.GetAsync($"/helpdesk/incidents/{id}");
        Assert.Contains($"name=\"codes\" value=\"{firstCode}\" id=\"resolve-{firstCode}\" checked", manage.Html);
        Assert.Contains($"name=\"codes\" value=\"{secondCode}\" id=\"resolve-{secondCode}\" checked", manage.Html);

        var resolved = await agentPages.PostFormAsync($"/helpdesk/incidents/{id}?handler=ResolveLinked",
            new() { ["codes"] = firstCode }, formUrl: $"/helpdesk/incidents/{id}");
        Assert.Equal(HttpStatusCode.Redirect, resolved.Status);
        Assert.Equal(TicketStatus.Resolved, (await TicketAsync(app, firstCode)).Status);
        Assert.NotEqual(TicketStatus.Resolved, (await TicketAsync(app, secondCode)).Status); // only the chosen one
        using var api = await app.ApiAsync(agent);
        var rest = await api.PostAsync($"/api/v1/incidents/{id}/resolve-linked",
            JsonContent.Create(new { codes = new[] { secondCode } }));
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        Assert.Equal(TicketStatus.Resolved, (await TicketAsync(app, secondCode)).Status);
        Assert.Equal(1, await NotificationsAsync(app, first, HelpdeskNotifications.Resolved));
        Assert.Equal(1, await NotificationsAsync(app, second, HelpdeskNotifications.Resolved));

        var done = await agentPages.GetAsync($"/helpdesk/incidents/{id}");
        Assert.Contains(Id(app, "No open tickets are linked to this incident."), done.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Declaring_through_the_api_links_the_source_ticket_and_notifies_the_technician(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        var technician = await AgentInTeamAsync(app);
        var title = Title();

        var id = await DeclareAsync(app, agent, title, technician.Id, source: code);

        var subscription = Assert.Single(await SubscriptionsAsync(app, id));
        Assert.Equal(customer.Id, subscription.CustomerId);
        Assert.Equal((await TicketAsync(app, code)).Id, subscription.TicketId);
        var link = Assert.Single(await LinkEventsAsync(app, code));
        Assert.Equal(title, link.NewValue);
        Assert.Equal(1, await NotificationsAsync(app, technician, IncidentNotifications.TechnicianAssigned));
        Assert.Equal(0, await NotificationsAsync(app, agent, IncidentNotifications.TechnicianAssigned));

        // The customer sees the incident's state on their ticket.
        var page = await (await app.SignInAsync(customer)).GetAsync(Page(code));
        Assert.Contains(title, page.Text);
        Assert.Contains(Id(app, "Investigating"), page.Text);
        Assert.DoesNotContain(Id(app, "Mark as public incident"), page.Text);
        Assert.Contains(Id(app, "Mark as public incident"), (await (await app.SignInAsync(agent)).GetAsync(Page(code))).Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Changing_the_details_keeps_what_is_left_out_and_tells_a_new_technician(Db db)
    {
        var app = await apps.Get(db);
        var agent = await AgentInTeamAsync(app);
        var colleague = await AgentInTeamAsync(app);
        var id = await DeclareAsync(app, agent, Title());

        using var api = await app.ApiAsync(agent);
        var response = await api.PatchAsJsonAsync($"/api/v1/incidents/{id}", new { impact = "critical", technicianId = colleague.Id });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var incident = await IncidentAsync(app, id);
        Assert.Equal(IncidentImpact.Critical, incident.Impact);
        Assert.Equal("Kota Bekasi", incident.Area);
        Assert.Equal(colleague.Id, incident.TechnicianId);
        Assert.Equal(1, await NotificationsAsync(app, colleague, IncidentNotifications.TechnicianAssigned));

        var refused = await api.PatchAsJsonAsync($"/api/v1/incidents/{id}", new { title = " ", area = "Kabupaten Bekasi" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"title\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal("Kota Bekasi", (await IncidentAsync(app, id)).Area); // all or nothing
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_resolved_incident_reopens_with_a_later_update_and_linked_tickets_wait_for_its_resolution(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        var id = await DeclareAsync(app, agent, Title(), source: code);
        using var api = await app.ApiAsync(agent);

        var early = await api.PostAsync($"/api/v1/incidents/{id}/resolve-linked", JsonContent.Create(new { codes = new[] { code } }));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.NotEqual(TicketStatus.Resolved, (await TicketAsync(app, code)).Status);

        await PostUpdateAsync(app, agent, id, "resolved", "Sudah normal.");
        Assert.NotNull((await IncidentAsync(app, id)).ResolvedAt);
        await PostUpdateAsync(app, agent, id, "investigating", "Gangguan muncul lagi.");
        var reopened = await IncidentAsync(app, id);
        Assert.Equal(IncidentState.Investigating, reopened.State);
        Assert.Null(reopened.ResolvedAt);
        Assert.Equal(3, await app.WithDbAsync(d => d.Set<IncidentUpdate>().CountAsync(u => u.IncidentId == id)));
    }
}
