using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.Escalations;
using Lapak.Web.Features.Helpdesk.Permits;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.Escalations.EscalationKit;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Escalations;

/// <summary>Seed 002's core: only the supervisor of the ticket's branch decides; approval issues exactly one permit, rejection answers the customer.</summary>
[Collection(Apps.Name)]
public sealed class ApproveTicketTests(Apps apps)
{
    private static Task<List<Permit>> PermitsAsync(LapakApp app, string code) =>
        app.WithDbAsync(d => d.Set<Permit>().Where(p => d.Set<Ticket>().Any(t => t.Id == p.TicketId && t.Code == code)).AsNoTracking().ToListAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task The_branch_supervisor_approves_on_the_ticket_page_and_exactly_one_permit_is_issued_with_masked_ids_and_the_window_in_UTC(Db db)
    {
        var app = await apps.Get(db);
        var (code, _, branch, customer) = await AwaitingApprovalAsync(app);
        var pages = await app.SignInAsync(branch.Supervisor);

        var ticketPage = await pages.GetAsync(Page(code));
        Assert.Contains(Id(app, "Your approval"), ticketPage.Text);
        Assert.Contains("15 Jan 2027 08.00 – 12.00 WITA", ticketPage.Text);

        var done = await pages.PostFormAsync(Page(code) + "/approval", new() { ["Decision"] = "Approve", ["Comment"] = "Silakan, bawa KTP asli" }, formUrl: Page(code));
        Assert.Equal(HttpStatusCode.Redirect, done.Status);

        var permit = Assert.Single(await PermitsAsync(app, code));
        Assert.Equal(new DateTime(2027, 1, 15, 0, 0, 0, DateTimeKind.Utc), permit.WindowStartUtc);
        Assert.Equal(new DateTime(2027, 1, 15, 4, 0, 0, DateTimeKind.Utc), permit.WindowEndUtc);
        Assert.Equal(("Asia/Makassar", branch.BranchId, branch.Name), (permit.BranchTimeZone, permit.BranchId, permit.BranchName));
        Assert.Equal(customer.FullName, permit.CustomerName);
        Assert.Equal(branch.Supervisor.FullName, permit.ApprovedByName);
        Assert.Equal("Pemasangan server", permit.Purpose);
        Assert.True(permit.Code.Length >= 16 && permit.Code.All(char.IsAsciiLetterOrDigit), permit.Code);
        var visitors = JsonSerializer.Deserialize<List<PermitVisitor>>(permit.VisitorsJson, JsonSerializerOptions.Web)!;
        Assert.Equal(["************3456", "************0001"], visitors.Select(v => v.MaskedIdNumber));
        Assert.Equal(["Andi Wijaya", "Sari Dewi"], visitors.Select(v => v.Name));
        Assert.DoesNotContain("7371012345673456", permit.VisitorsJson);

        Assert.Equal(TicketStatus.Open, (await TicketAsync(app, code)).Status);
        Assert.Single(await EventsAsync(app, code, TicketEventKind.Approved));
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<Notification>().CountAsync(n => n.UserId == customer.Id && n.Kind == EscalationNotifications.Approved)));
        var subject = Id(app, "Your request {code} is approved: your permit is ready").Replace("{code}", TicketCode.Display(code));
        var mail = await app.Mail.WaitForAsync(customer.Email, m => m.Subject.EndsWith(subject, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Contains(Page(code), mail.Text ?? mail.Html);

        var customerView = await (await app.SignInAsync(customer)).GetAsync(Page(code));
        Assert.Contains(string.Format(Id(app, "{0} approved the request"), branch.Supervisor.FullName), customerView.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Another_branchs_supervisor_or_a_team_supervisor_gets_404_and_nothing_is_written(Db db)
    {
        var app = await apps.Get(db);
        var (code, team, _, _) = await AwaitingApprovalAsync(app);
        var elsewhere = await BranchAsync(app);

        var response = await DecideAsync(app, elsewhere.Supervisor, code, "approve");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(app, team.Supervisor, code, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(app, team.Agent, code, "approve")).StatusCode);
        var pages = await app.SignInAsync(elsewhere.Supervisor);
        var page = await pages.PostFormAsync(Page(code) + "/approval", new() { ["Decision"] = "Approve" }, formUrl: "/helpdesk/supervisor");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        var ticketPage = await pages.GetAsync(Page(code)); // supervisors see every ticket, but only the branch's own may decide
        Assert.DoesNotContain(Id(app, "Your approval"), ticketPage.Text);

        Assert.Empty(await PermitsAsync(app, code));
        Assert.Equal(TicketStatus.AwaitingApproval, (await TicketAsync(app, code)).Status);
        Assert.Empty(await EventsAsync(app, code, TicketEventKind.Approved));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Deciding_on_a_ticket_that_is_not_awaiting_approval_gets_a_clear_409(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app, approval: true);
        var branch = await BranchAsync(app);
        var customer = await app.CreateUserAsync();
        var code = await OpenPermitRequestAsync(app, customer, team, branch);

        var response = await DecideAsync(app, branch.Supervisor, code, "approve");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(TicketCode.Display(code), problem.GetProperty("detail").GetString());
        Assert.Contains(Id(app, "New"), problem.GetProperty("detail").GetString());
        Assert.Empty(await PermitsAsync(app, code));

        var pages = await app.SignInAsync(branch.Supervisor);
        var page = await pages.PostFormAsync(Page(code) + "/approval", new() { ["Decision"] = "Approve" }, formUrl: Page(code));
        Assert.Equal(HttpStatusCode.Conflict, page.Status);
        Assert.Contains(string.Format(Id(app, "Ticket {0} is not awaiting approval (it is {1}), so there is nothing to decide."), TicketCode.Display(code), Id(app, "New")), page.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Rejecting_needs_a_comment_which_the_customer_reads_and_the_ticket_is_resolved(Db db)
    {
        var app = await apps.Get(db);
        var (code, _, branch, customer) = await AwaitingApprovalAsync(app);

        var bare = await DecideAsync(app, branch.Supervisor, code, "reject", " ");
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("\"comment\"", await bare.Content.ReadAsStringAsync());
        Assert.Equal(TicketStatus.AwaitingApproval, (await TicketAsync(app, code)).Status);

        var response = await DecideAsync(app, branch.Supervisor, code, "reject", "Jadwal bentrok dengan pemeliharaan genset, ajukan hari lain.");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("resolved", body.GetProperty("status").GetString(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("permitCode").ValueKind);

        Assert.Equal(TicketStatus.Resolved, (await TicketAsync(app, code)).Status);
        Assert.Empty(await PermitsAsync(app, code));
        Assert.Single(await EventsAsync(app, code, TicketEventKind.Rejected));
        var reply = Assert.Single(await MessagesAsync(app, code));
        Assert.False(reply.IsInternal);
        Assert.Equal(branch.Supervisor.Id, reply.AuthorId);
        var customerView = await (await app.SignInAsync(customer)).GetAsync(Page(code));
        Assert.Contains("Jadwal bentrok dengan pemeliharaan genset, ajukan hari lain.", customerView.Text);
        Assert.Contains(string.Format(Id(app, "{0} rejected the request"), branch.Supervisor.FullName), customerView.Text);
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<Notification>().CountAsync(n => n.UserId == customer.Id && n.Kind == EscalationNotifications.Rejected)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Two_approvals_at_the_same_moment_make_one_permit_and_the_other_is_refused(Db db)
    {
        var app = await apps.Get(db);
        var (code, _, branch, _) = await AwaitingApprovalAsync(app);
        var deputy = await app.CreateUserAsync(Roles.Supervisor);
        await app.WithDbAsync(d =>
        {
            d.Add(new BranchMember { BranchId = branch.BranchId, UserId = deputy.Id, IsSupervisor = true });
            return d.SaveChangesAsync();
        });
        using var first = await app.ApiAsync(branch.Supervisor);
        using var second = await app.ApiAsync(deputy);

        var responses = await Task.WhenAll(
            first.PostAsJsonAsync($"/api/v1/tickets/{code}/approval", new { decision = "approve" }),
            second.PostAsJsonAsync($"/api/v1/tickets/{code}/approval", new { decision = "approve" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Single(await PermitsAsync(app, code));
        Assert.Single(await EventsAsync(app, code, TicketEventKind.Approved));
        Assert.Equal(HttpStatusCode.Conflict, (await DecideAsync(app, branch.Supervisor, code, "approve")).StatusCode);
        Assert.Single(await PermitsAsync(app, code));
    }
}
