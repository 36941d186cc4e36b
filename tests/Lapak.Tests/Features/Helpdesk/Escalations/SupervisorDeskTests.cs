using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Helpdesk.Tickets;
using static Lapak.Tests.Features.Helpdesk.Escalations.EscalationKit;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Escalations;

/// <summary>The supervisor desk: only supervisors and admins, only their own branches and escalations, clear empty states.</summary>
[Collection(Apps.Name)]
public sealed class SupervisorDeskTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_new_supervisor_sees_empty_states_and_agents_and_customers_are_kept_out(Db db)
    {
        var app = await apps.Get(db);
        var supervisor = await app.CreateUserAsync(Roles.Supervisor);
        var desk = await (await app.SignInAsync(supervisor)).GetAsync("/helpdesk/supervisor");
        Assert.Equal(HttpStatusCode.OK, desk.Status);
        Assert.Contains(Id(app, "Nothing waits for your approval."), desk.Text);
        Assert.Contains(Id(app, "No open tickets in your branches."), desk.Text);
        Assert.Contains(Id(app, "No permitted visits today."), desk.Text);
        Assert.Contains("href=\"/helpdesk/new\"", desk.Html);
        Assert.Contains("href=\"/helpdesk/supervisor\"", desk.Html); // the menu entry

        var agent = await app.CreateUserAsync(Roles.Agent);
        var denied = await (await app.SignInAsync(agent)).GetAsync("/helpdesk/supervisor");
        Assert.Equal(HttpStatusCode.Redirect, denied.Status);
        Assert.Contains("denied", denied.Location, StringComparison.OrdinalIgnoreCase);
        using var customer = await app.ApiAsync(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/v1/helpdesk/supervisor/approvals")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Running_work_and_todays_permits_show_only_the_supervisors_own_branches(Db db)
    {
        var app = await apps.Get(db);
        var (code, _, branch, _) = await AwaitingApprovalAsync(app);
        var other = await BranchAsync(app);

        var mine = await (await app.SignInAsync(branch.Supervisor)).GetAsync("/helpdesk/supervisor");
        Assert.Contains(TicketCode.Display(code), mine.Text);
        Assert.Contains(Id(app, "Awaiting approval"), mine.Text);
        var theirs = await (await app.SignInAsync(other.Supervisor)).GetAsync("/helpdesk/supervisor");
        Assert.DoesNotContain(TicketCode.Display(code), theirs.Text);
        using var api = await app.ApiAsync(other.Supervisor);
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>("/api/v1/helpdesk/supervisor/approvals")).EnumerateArray());

        // A permit for a visit happening now at the branch shows as in progress.
        Assert.Equal(HttpStatusCode.OK, (await DecideAsync(app, branch.Supervisor, code, "approve")).StatusCode);
        await app.WithDbAsync(async d =>
        {
            var permit = d.Set<Lapak.Web.Features.Helpdesk.Permits.Permit>().Single(p => d.Set<Ticket>().Any(t => t.Id == p.TicketId && t.Code == code));
            (permit.WindowStartUtc, permit.WindowEndUtc) = (DateTime.UtcNow.AddMinutes(-30), DateTime.UtcNow.AddMinutes(30));
            return await d.SaveChangesAsync();
        });
        var now = await (await app.SignInAsync(branch.Supervisor)).GetAsync("/helpdesk/supervisor");
        Assert.Contains(Id(app, "In progress"), now.Text);
        Assert.DoesNotContain(Id(app, "No permitted visits today."), now.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_escalation_and_approval_endpoints_are_in_the_openapi_document(Db db)
    {
        var app = await apps.Get(db);
        using var http = app.Anonymous();
        var paths = (await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/tickets/{code}/escalations", out _));
        Assert.True(paths.TryGetProperty("/api/v1/tickets/{code}/approval", out _));
        Assert.True(paths.TryGetProperty("/api/v1/helpdesk/supervisor/approvals", out _));
    }
}
