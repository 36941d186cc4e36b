using System.Net;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.Incidents;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;
using static Lapak.Tests.Features.Helpdesk.Incidents.IncidentKit;

namespace Lapak.Tests.Features.Helpdesk.Incidents;

/// <summary>The staff pages: the list, declaring without a ticket, posting updates and editing details, with their errors.</summary>
[Collection(Apps.Name)]
public sealed class IncidentPagesTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_declare_update_and_edit_an_incident_on_its_pages(Db db)
    {
        var app = await apps.Get(db);
        var agent = await AgentInTeamAsync(app);
        var technician = await AgentInTeamAsync(app);
        var pages = await app.SignInAsync(agent);

        var form = await pages.GetAsync("/helpdesk/incidents/new");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains($"value=\"{agent.Id}\" selected", form.Html); // the declaring agent by default

        var title = Title("Gangguan BTS");
        var declared = await pages.PostFormAsync("/helpdesk/incidents/new", new()
        {
            ["Input.Title"] = title, ["Input.Area"] = "Jawa Barat", ["Input.Impact"] = "Critical",
            ["Input.TechnicianId"] = technician.Id.ToString(), ["Input.Message"] = "BTS Cikarang mati listrik.",
        });
        Assert.Equal(HttpStatusCode.Redirect, declared.Status);
        var manage = await pages.FollowAsync(declared);
        Assert.Contains(title, manage.Text);
        Assert.Contains(string.Format(Id(app, "{0} customers follow this incident, {1} with a ticket."), 0, 0), manage.Text);
        var id = Guid.Parse(declared.Location!.Split('/').Last());
        Assert.Equal(IncidentImpact.Critical, (await IncidentAsync(app, id)).Impact);
        Assert.Equal(1, await NotificationsAsync(app, technician, IncidentNotifications.TechnicianAssigned));
        Assert.Contains(title, (await pages.GetAsync("/helpdesk/incidents")).Text);

        var empty = await pages.PostFormAsync($"/helpdesk/incidents/{id}?handler=Update", new() { ["Update.State"] = "Monitoring", ["Update.Message"] = "" },
            formUrl: $"/helpdesk/incidents/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains(Id(app, "Write the update for the customers."), empty.Text);
        Assert.Equal(IncidentState.Investigating, (await IncidentAsync(app, id)).State);

        var posted = await pages.PostFormAsync($"/helpdesk/incidents/{id}?handler=Update",
            new() { ["Update.State"] = "Monitoring", ["Update.Message"] = "Listrik sudah menyala, kami pantau." }, formUrl: $"/helpdesk/incidents/{id}");
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(IncidentState.Monitoring, (await IncidentAsync(app, id)).State);
        Assert.Contains("Listrik sudah menyala, kami pantau.", (await app.Pages().GetAsync($"/status/{id}")).Text);

        var edited = await pages.PostFormAsync($"/helpdesk/incidents/{id}?handler=Details", new()
        {
            ["Input.Title"] = title, ["Input.Area"] = "Kabupaten Bekasi", ["Input.Impact"] = "Minor", ["Input.TechnicianId"] = technician.Id.ToString(),
        }, formUrl: $"/helpdesk/incidents/{id}");
        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        var incident = await IncidentAsync(app, id);
        Assert.Equal("Kabupaten Bekasi", incident.Area);
        Assert.Equal(IncidentImpact.Minor, incident.Impact);
        Assert.Equal(1, await NotificationsAsync(app, technician, IncidentNotifications.TechnicianAssigned)); // same technician: no new notice

        var bad = await pages.PostFormAsync($"/helpdesk/incidents/{id}?handler=Details", new()
        {
            ["Input.Title"] = title, ["Input.Area"] = "", ["Input.Impact"] = "Minor", ["Input.TechnicianId"] = technician.Id.ToString(),
        }, formUrl: $"/helpdesk/incidents/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains(Id(app, "Enter the affected city or region."), bad.Text);
        Assert.Equal("Kabupaten Bekasi", (await IncidentAsync(app, id)).Area);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_staff_read_how_many_customers_follow_an_incident(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        var id = await DeclareAsync(app, agent, Title(), source: code);

        using var staffApi = await app.ApiAsync(agent);
        using var staff = JsonDocument.Parse(await staffApi.GetStringAsync($"/api/v1/incidents/{id}"));
        var view = staff.RootElement.GetProperty("staff");
        Assert.Equal(1, view.GetProperty("subscribers").GetInt32());
        Assert.Equal(code, view.GetProperty("tickets")[0].GetProperty("code").GetString());

        using var customerApi = await app.ApiAsync(customer);
        using var mine = JsonDocument.Parse(await customerApi.GetStringAsync($"/api/v1/incidents/{id}"));
        Assert.Equal(JsonValueKind.Null, mine.RootElement.GetProperty("staff").ValueKind);
        Assert.True(mine.RootElement.GetProperty("incident").GetProperty("attached").GetBoolean());
        Assert.Equal(code, mine.RootElement.GetProperty("incident").GetProperty("attachedTicketCode").GetString());

        var customerPages = await app.SignInAsync(customer);
        Assert.Equal(HttpStatusCode.Redirect, (await customerPages.GetAsync($"/helpdesk/incidents/{id}")).Status);
    }
}
