using System.Net;
using System.Net.Http.Json;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Tickets;

/// <summary>Soft delete: supervisors and admins, with a reason kept in the activity log; the ticket is gone everywhere.</summary>
[Collection(Apps.Name)]
public sealed class DeleteTicketTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_supervisor_deletes_a_ticket_on_its_page_and_it_is_gone_from_lists_queue_and_API_with_the_reason_logged(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var marker = "HAPUS" + Guid.NewGuid().ToString("N")[..6];
        var code = await OpenTicketAsync(app, customer, $"Spam {marker}");
        var agent = await AgentInTeamAsync(app);
        var supervisor = await app.CreateUserAsync(Roles.Supervisor);
        var pages = await app.SignInAsync(supervisor);
        Assert.Contains($"action=\"/helpdesk/tickets/{code}/delete\"", (await pages.GetAsync(Page(code))).Html);

        var deleted = await pages.PostFormAsync($"/helpdesk/tickets/{code}/delete", new() { ["Input.Reason"] = "Pesan spam berulang" }, Page(code));

        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Contains(code[..4], (await pages.FollowAsync(deleted)).Text);
        var row = await app.WithDbAsync(d => d.Set<Ticket>().IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.Code == code));
        Assert.NotNull(row.DeletedAt);
        Assert.Equal(supervisor.Id, row.DeletedById);
        Assert.Equal("Pesan spam berulang", row.DeleteReason);
        var log = await app.WithDbAsync(d => d.Set<ActivityEntry>().AsNoTracking().SingleAsync(a => a.Action == DeleteTicket.Action && a.SubjectId == row.Id.ToString()));
        Assert.Contains("Pesan spam berulang", log.Detail);
        Assert.Equal(supervisor.Id, log.ActorId);

        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync(Page(code))).Status);
        Assert.DoesNotContain(code, (await pages.GetAsync("/helpdesk/team?status=any&q=" + marker)).Html);
        Assert.DoesNotContain(code, (await (await app.SignInAsync(customer)).GetAsync("/helpdesk")).Html);
        using var agentApi = await app.ApiAsync(agent);
        Assert.DoesNotContain(code, await agentApi.GetStringAsync("/api/v1/queue"));
        Assert.DoesNotContain(code, await agentApi.GetStringAsync("/api/v1/tickets?status=any&q=" + marker));
        Assert.Equal(HttpStatusCode.NotFound, (await agentApi.GetAsync($"/api/v1/tickets/{code}")).StatusCode);
        var next = await agentApi.PostAsync("/api/v1/queue/take-next", null);
        if (next.StatusCode == HttpStatusCode.OK) Assert.DoesNotContain(code, await next.Content.ReadAsStringAsync());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_missing_reason_is_refused_on_the_page_and_the_API_and_nothing_changes(Db db)
    {
        var app = await apps.Get(db);
        var code = await OpenTicketAsync(app, await app.CreateUserAsync());
        var admin = await app.CreateUserAsync(Roles.Admin);

        var page = await (await app.SignInAsync(admin)).PostFormAsync($"/helpdesk/tickets/{code}/delete", new() { ["Input.Reason"] = " " }, Page(code));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(Id(app, "Say why the ticket is deleted."), page.FieldError("Input.Reason"));

        using var api = await app.ApiAsync(admin);
        var response = await api.DeleteAsync($"/api/v1/tickets/{code}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"reason\"", await response.Content.ReadAsStringAsync());
        Assert.Null((await TicketAsync(app, code)).DeletedAt);

        // The reason may come as JSON or in the query string.
        var withBody = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/tickets/{code}") { Content = JsonContent.Create(new { reason = "Duplikat tiket lain" }) };
        Assert.Equal(HttpStatusCode.NoContent, (await api.SendAsync(withBody)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/tickets/{code}?reason=lagi")).StatusCode);
        var other = await OpenTicketAsync(app, await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/tickets/{other}?reason=Salah%20kirim")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Agents_and_customers_may_not_delete(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);

        foreach (var user in new[] { agent, customer })
        {
            using var api = await app.ApiAsync(user);
            var response = await api.DeleteAsync($"/api/v1/tickets/{code}?reason=tidak%20perlu");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // they see the ticket, so it is 403, not 404
            var pages = await app.SignInAsync(user);
            Assert.DoesNotContain("/delete\"", (await pages.GetAsync(Page(code))).Html);
            var post = await pages.PostFormAsync($"/helpdesk/tickets/{code}/delete", new() { ["Input.Reason"] = "tidak perlu" }, Page(code));
            Assert.NotEqual(HttpStatusCode.OK, post.Status);
        }
        using var stranger = await app.ApiAsync(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/tickets/{code}?reason=x%20y%20z")).StatusCode);
        Assert.Null((await TicketAsync(app, code)).DeletedAt);
    }
}
