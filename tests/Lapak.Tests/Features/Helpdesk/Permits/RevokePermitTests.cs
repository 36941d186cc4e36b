using System.Net;
using System.Net.Http.Json;
using Lapak.Web.Features.Helpdesk.Permits;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.Permits.PermitKit;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Permits;

/// <summary>Only the supervisor of the permit's branch revokes it, with a reason; the client is told and the gate sees it at once.</summary>
[Collection(Apps.Name)]
public sealed class RevokePermitTests(Apps apps)
{
    private static Task<Permit> PermitAsync(LapakApp app, Guid id) => app.WithDbAsync(d => d.Set<Permit>().AsNoTracking().SingleAsync(p => p.Id == id));

    [Theory, ClassData(typeof(Databases))]
    public async Task The_branch_supervisor_revokes_through_the_API_the_client_is_mailed_and_the_gate_sees_revoked(Db db)
    {
        var app = await apps.Get(db);
        var branch = await BranchAsync(app);
        var supervisor = await SupervisorOfAsync(app, branch);
        var customer = await app.CreateUserAsync();
        var (code, permit) = await IssueAsync(app, customer, branch, DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(2));
        using var api = await app.ApiAsync(supervisor);

        var response = await api.PostAsJsonAsync($"/api/v1/tickets/{code}/permit/revocation", new { reason = "Rak A-12 sedang diaudit" });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var stored = await PermitAsync(app, permit.Id);
        Assert.NotNull(stored.RevokedAt);
        Assert.Equal(supervisor.Id, stored.RevokedById);
        Assert.Equal("Rak A-12 sedang diaudit", stored.RevokeReason);
        var events = await app.WithDbAsync(d => d.Set<TicketEvent>().Where(e => e.Kind == TicketEventKind.PermitRevoked)
            .Join(d.Set<Ticket>().Where(t => t.Code == code), e => e.TicketId, t => t.Id, (e, _) => e).ToListAsync());
        Assert.Single(events);
        var mail = await app.Mail.WaitForAsync(customer.Email, m => m.Subject.Contains(TicketCode.Display(code)) && m.Subject.Contains("dicabut"));
        Assert.Contains("Rak A-12 sedang diaudit", mail.Text);

        using var anonymous = app.Anonymous();
        Assert.Contains("Dicabut", await anonymous.GetStringAsync($"/verify/{permit.Code}"));

        var again = await api.PostAsJsonAsync($"/api/v1/tickets/{code}/permit/revocation", new { reason = "lagi" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Rak A-12 sedang diaudit", (await PermitAsync(app, permit.Id)).RevokeReason);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Another_branch_supervisor_or_an_agent_gets_404_and_a_missing_reason_is_400_and_nothing_changes(Db db)
    {
        var app = await apps.Get(db);
        var branch = await BranchAsync(app);
        var supervisor = await SupervisorOfAsync(app, branch);
        var otherSupervisor = await SupervisorOfAsync(app, await BranchAsync(app));
        var customer = await app.CreateUserAsync();
        var (code, permit) = await IssueAsync(app, customer, branch, DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(2));

        using var other = await app.ApiAsync(otherSupervisor);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/tickets/{code}/permit/revocation", new { reason = "bukan cabang saya" })).StatusCode);
        using var agent = await app.ApiAsync(await AgentInTeamAsync(app));
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PostAsJsonAsync($"/api/v1/tickets/{code}/permit/revocation", new { reason = "agen" })).StatusCode);
        using var mine = await app.ApiAsync(supervisor);
        var blank = await mine.PostAsJsonAsync($"/api/v1/tickets/{code}/permit/revocation", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("\"reason\"", await blank.Content.ReadAsStringAsync());

        var stored = await PermitAsync(app, permit.Id);
        Assert.Null(stored.RevokedAt);
        Assert.Null(stored.RevokeReason);
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<TicketEvent>().CountAsync(e => e.TicketId == stored.TicketId && e.Kind == TicketEventKind.PermitRevoked)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task On_the_ticket_page_the_branch_supervisor_revokes_with_a_reason_and_a_blank_reason_is_shown_beside_the_field(Db db)
    {
        var app = await apps.Get(db);
        var branch = await BranchAsync(app);
        var supervisor = await SupervisorOfAsync(app, branch);
        var customer = await app.CreateUserAsync();
        var (code, permit) = await IssueAsync(app, customer, branch, DateTime.UtcNow.AddDays(1), DateTime.UtcNow.AddDays(1).AddHours(2));
        var pages = await app.SignInAsync(supervisor);
        Assert.Contains($"/helpdesk/tickets/{code}/permit/revoke", (await pages.GetAsync(Page(code))).Html);

        var blank = await pages.PostFormAsync($"/helpdesk/tickets/{code}/permit/revoke", new() { ["Reason"] = "" }, Page(code));
        Assert.Equal(HttpStatusCode.BadRequest, blank.Status);
        Assert.Contains(Id(app, "Say why the permit is revoked."), blank.Text);
        Assert.Null((await PermitAsync(app, permit.Id)).RevokedAt);

        var done = await pages.PostFormAsync($"/helpdesk/tickets/{code}/permit/revoke", new() { ["Reason"] = "Jadwal diundur" }, Page(code));
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var page = await pages.FollowAsync(done);
        Assert.Contains(Id(app, "The permit is revoked. The client has been told."), page.Text);
        Assert.Contains(Id(app, "Revoked"), page.Text);
        Assert.Equal("Jadwal diundur", (await PermitAsync(app, permit.Id)).RevokeReason);
    }
}
