using System.Net;
using System.Net.Http.Json;
using Lapak.Web.Features.Helpdesk;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Tickets;

/// <summary>Manual assignment and reassignment: who may, to whom, why, and who hears of it; on the page and through the API.</summary>
[Collection(Apps.Name)]
public sealed class AssignTicketTests(Apps apps)
{
    private static Task<HtmlPage> AssignAsync(PageClient pages, string code, Guid? assignee, string? reason = null, Guid? team = null)
    {
        var fields = new Dictionary<string, string> { ["AssigneeId"] = assignee?.ToString() ?? "", ["Reason"] = reason ?? "" };
        if (team is not null) fields["TeamId"] = team.Value.ToString();
        return pages.PostFormAsync(Page(code) + "/assign", fields, formUrl: Page(code));
    }

    private static Task<List<TicketEvent>> EventsAsync(LapakApp app, string code, TicketEventKind kind) =>
        app.WithDbAsync(d => d.Set<TicketEvent>().Where(e => e.Kind == kind && d.Set<Ticket>().Any(t => t.Id == e.TicketId && t.Code == code))
            .OrderBy(e => e.Id).AsNoTracking().ToListAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task An_agent_gives_a_ticket_to_a_team_member_who_is_notified_in_app_and_by_email(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        var colleague = await AgentInTeamAsync(app, email: true);
        var pages = await app.SignInAsync(agent);

        var card = await pages.GetAsync(Page(code));
        Assert.Contains(Id(app, "Assignment"), card.Text);
        Assert.Contains($"value=\"{colleague.Id}\"", card.Html);

        var done = await AssignAsync(pages, code, colleague.Id);
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal(colleague.Id, (await TicketAsync(app, code)).AssigneeId);
        var page = await pages.FollowAsync(done);
        Assert.Contains(string.Format(Id(app, "The ticket is now assigned to {0}."), colleague.FullName), page.Text);
        Assert.Contains(string.Format(Id(app, "{0} assigned the ticket to {1}"), agent.FullName, colleague.FullName), page.Text);

        Assert.Equal(1, await app.WithDbAsync(d => d.Set<Notification>().CountAsync(n => n.UserId == colleague.Id && n.Kind == HelpdeskNotifications.Assigned)));
        // Both channels are queued in the outbox with the assignment; delivering them is the outbox's job (tested there),
        // and in this shared app its queue can be long.
        var channels = await app.WithDbAsync(d => (from n in d.Set<Notification>() join dl in d.Set<NotificationDelivery>() on n.Id equals dl.NotificationId
                                                   where n.UserId == colleague.Id && n.Kind == HelpdeskNotifications.Assigned select dl.Channel).ToListAsync());
        Assert.Contains(NotificationChannel.InApp, channels);
        Assert.Contains(NotificationChannel.Email, channels);
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<Notification>().CountAsync(n => n.UserId == agent.Id && n.Kind == HelpdeskNotifications.Assigned)));
        var notification = await app.WithDbAsync(d => d.Set<Notification>().SingleAsync(n => n.UserId == colleague.Id && n.Kind == HelpdeskNotifications.Assigned));
        var text = app.Services.GetRequiredService<NotificationTemplates>().Render(notification, "id");
        Assert.Contains(TicketCode.Display(code), text.Title);
        Assert.Contains(agent.FullName, text.Body);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Reassigning_without_a_reason_is_refused_on_the_page_and_in_the_api_and_changes_nothing(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        var colleague = await AgentInTeamAsync(app);
        var pages = await app.SignInAsync(agent);
        Assert.Equal(HttpStatusCode.Redirect, (await AssignAsync(pages, code, agent.Id)).Status);

        var refused = await AssignAsync(pages, code, colleague.Id, reason: "  ");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(Id(app, "Say why the ticket is reassigned."), refused.Text);
        Assert.Contains($"value=\"{colleague.Id}\" selected", refused.Html); // the choice is kept

        using var api = await app.ApiAsync(agent);
        var response = await api.PatchAsJsonAsync($"/api/v1/tickets/{code}", new { assigneeId = colleague.Id });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"reason\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(agent.Id, (await TicketAsync(app, code)).AssigneeId);
        Assert.Single(await EventsAsync(app, code, TicketEventKind.Assigned));

        var moved = await AssignAsync(pages, code, colleague.Id, reason: "Budi cuti sampai Senin");
        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        var last = (await EventsAsync(app, code, TicketEventKind.Assigned)).Last();
        Assert.Equal("Budi cuti sampai Senin", last.Reason);
        Assert.Equal(agent.FullName, last.OldValue);
        Assert.Equal(colleague.FullName, last.NewValue);

        // Staff read the reason in the history; the customer sees the change but never the reason.
        var staffView = await pages.GetAsync(Page(code));
        Assert.Contains(string.Format(Id(app, "Reason: {0}"), "Budi cuti sampai Senin"), staffView.Text);
        var customerView = await (await app.SignInAsync(customer)).GetAsync(Page(code));
        Assert.Contains(string.Format(Id(app, "{0} reassigned the ticket from {1} to {2}"), agent.FullName, agent.FullName, colleague.FullName), customerView.Text);
        Assert.DoesNotContain("Budi cuti sampai Senin", customerView.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_assignee_must_be_an_active_member_of_the_tickets_team(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        var (otherTeam, _) = await OtherTeamAsync(app);
        var outsider = await AgentInTeamAsync(app, otherTeam);

        using var api = await app.ApiAsync(agent);
        var response = await api.PatchAsJsonAsync($"/api/v1/tickets/{code}", new { assigneeId = outsider.Id });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"assigneeId\"", await response.Content.ReadAsStringAsync());

        var pages = await app.SignInAsync(agent);
        var refused = await AssignAsync(pages, code, outsider.Id);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(Id(app, "Choose an active member of the ticket's team."), refused.Text);
        Assert.Null((await TicketAsync(app, code)).AssigneeId);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Customers_cannot_assign_and_strangers_do_not_even_find_the_ticket(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);

        using var own = await app.ApiAsync(customer);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.PatchAsJsonAsync($"/api/v1/tickets/{code}", new { assigneeId = agent.Id })).StatusCode);
        var customerPages = await app.SignInAsync(customer);
        var customerView = await customerPages.GetAsync(Page(code));
        Assert.DoesNotContain("/assign", customerView.Html);
        var denied = await customerPages.GetAsync(Page(code) + "/assign");
        Assert.Equal(HttpStatusCode.Redirect, denied.Status);
        Assert.Contains("denied", denied.Location, StringComparison.OrdinalIgnoreCase);

        var stranger = await app.CreateUserAsync();
        using var other = await app.ApiAsync(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PatchAsJsonAsync($"/api/v1/tickets/{code}", new { assigneeId = agent.Id })).StatusCode);
        var (otherTeam, _) = await OtherTeamAsync(app);
        var otherAgent = await AgentInTeamAsync(app, otherTeam);
        var otherPages = await app.SignInAsync(otherAgent);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPages.GetAsync(Page(code) + "/assign")).Status);
        Assert.Null((await TicketAsync(app, code)).AssigneeId);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_supervisors_move_a_ticket_to_another_team_with_a_reason_and_the_assignee_is_cleared(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        var (otherTeam, _) = await OtherTeamAsync(app);
        var otherTeamId = await app.WithDbAsync(d => d.Set<Team>().Where(t => t.Name == otherTeam).Select(t => t.Id).SingleAsync());
        using var agentApi = await app.ApiAsync(agent);
        Assert.Equal(HttpStatusCode.OK, (await agentApi.PatchAsJsonAsync($"/api/v1/tickets/{code}", new { assigneeId = agent.Id })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden,
            (await agentApi.PatchAsJsonAsync($"/api/v1/tickets/{code}", new { teamId = otherTeamId, reason = "Salah tim" })).StatusCode);

        var supervisor = await app.CreateUserAsync(Roles.Supervisor);
        using var api = await app.ApiAsync(supervisor);
        var noReason = await api.PatchAsJsonAsync($"/api/v1/tickets/{code}", new { teamId = otherTeamId });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("\"reason\"", await noReason.Content.ReadAsStringAsync());

        var moved = await api.PatchAsJsonAsync($"/api/v1/tickets/{code}", new { teamId = otherTeamId, reason = "Ini soal pemasangan baru" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var ticket = await TicketAsync(app, code);
        Assert.Equal(otherTeamId, ticket.TeamId);
        Assert.Null(ticket.AssigneeId);
        var line = Assert.Single(await EventsAsync(app, code, TicketEventKind.TeamChanged));
        Assert.Equal((CustomerService, otherTeam, "Ini soal pemasangan baru"), (line.OldValue, line.NewValue, line.Reason));
    }
}
