using System.Net;
using System.Net.Http.Json;
using Lapak.Web.Features.Helpdesk;
using Lapak.Web.Features.Helpdesk.Escalations;
using Lapak.Web.Features.Helpdesk.Sla;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapak.Tests.Features.Helpdesk.Escalations.EscalationKit;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Escalations;

/// <summary>Seed 002's "eskalasi ticket": to a supervisor, to another team, to a branch supervisor for approval, and automatically on an SLA breach.</summary>
[Collection(Apps.Name)]
public sealed class EscalateTicketTests(Apps apps)
{
    private static Task<HtmlPage> EscalateAsync(PageClient pages, string code, string target, string reason, Guid? team = null, Guid? branch = null) =>
        pages.PostFormAsync(Page(code) + "/escalate", new Dictionary<string, string>
        {
            ["Target"] = target, ["Reason"] = reason, ["TeamId"] = team?.ToString() ?? "", ["BranchId"] = branch?.ToString() ?? "",
        }, formUrl: Page(code));

    private static Task<List<TicketEscalation>> EscalationsAsync(LapakApp app, string code) =>
        app.WithDbAsync(d => d.Set<TicketEscalation>().Where(e => d.Set<Ticket>().Any(t => t.Id == e.TicketId && t.Code == code)).AsNoTracking().ToListAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task An_agent_escalates_to_the_team_supervisor_who_hears_of_it_in_app_and_by_email_and_the_history_shows_it(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app);
        var customer = await app.CreateUserAsync();
        var code = await OpenAsync(app, customer, team.RequestTypeId);
        var pages = await app.SignInAsync(team.Agent);

        var card = await pages.GetAsync(Page(code));
        Assert.Contains(Id(app, "Not escalated yet."), card.Text);
        Assert.Contains("/escalate", card.Html);

        var done = await EscalateAsync(pages, code, "TeamSupervisor", "Pelanggan VIP, gangguan sudah 3 jam");
        Assert.Equal(HttpStatusCode.Redirect, done.Status);

        var row = Assert.Single(await EscalationsAsync(app, code));
        Assert.Equal(EscalationTarget.TeamSupervisor, row.Target);
        Assert.Equal(team.Supervisor.Id, row.ToUserId);
        Assert.Equal(team.TeamId, row.ToTeamId);
        Assert.Equal(team.Agent.Id, row.ById);
        Assert.False(row.Automatic);
        Assert.Equal("Pelanggan VIP, gangguan sudah 3 jam", row.Reason);
        Assert.NotNull((await TicketAsync(app, code)).EscalatedAt);
        var line = Assert.Single(await EventsAsync(app, code, TicketEventKind.Escalated));
        Assert.Null(line.OldValue);
        Assert.Equal($"{team.Supervisor.FullName} ({team.TeamName})", line.NewValue);

        var page = await pages.FollowAsync(done);
        Assert.Contains(Id(app, "The ticket has been escalated."), page.Text);
        Assert.Contains(string.Format(Id(app, "{0} escalated the ticket to {1}"), team.Agent.FullName, line.NewValue), page.Text);
        Assert.Contains(string.Format(Id(app, "To {0}"), line.NewValue), page.Text);
        Assert.Contains("Pelanggan VIP, gangguan sudah 3 jam", page.Text);

        var channels = await app.WithDbAsync(d => (from n in d.Set<Notification>() join dl in d.Set<NotificationDelivery>() on n.Id equals dl.NotificationId
                                                   where n.UserId == team.Supervisor.Id && n.Kind == EscalationNotifications.Escalated select dl.Channel).ToListAsync());
        Assert.Contains(NotificationChannel.InApp, channels);
        Assert.Contains(NotificationChannel.Email, channels);
        var subject = Id(app, "Ticket {code} was escalated to {target}").Replace("{code}", TicketCode.Display(code)).Replace("{target}", line.NewValue);
        var mail = await app.Mail.WaitForAsync(team.Supervisor.Email, m => m.Subject.EndsWith(subject, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Contains("Pelanggan VIP, gangguan sudah 3 jam", mail.Text);

        // The customer sees that it happened, never why.
        var customerView = await (await app.SignInAsync(customer)).GetAsync(Page(code));
        Assert.Contains(string.Format(Id(app, "{0} escalated the ticket to {1}"), team.Agent.FullName, line.NewValue), customerView.Text);
        Assert.DoesNotContain("Pelanggan VIP", customerView.Html);
        Assert.DoesNotContain("/escalate", customerView.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Escalating_to_another_team_moves_the_ticket_there_unassigned_and_tells_its_members(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app);
        var other = await TeamAsync(app);
        var customer = await app.CreateUserAsync();
        var code = await OpenAsync(app, customer, team.RequestTypeId);
        using var api = await app.ApiAsync(team.Agent);
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsJsonAsync($"/api/v1/tickets/{code}", new { assigneeId = team.Agent.Id })).StatusCode);

        var response = await api.PostAsJsonAsync($"/api/v1/tickets/{code}/escalations", new { target = "team", teamId = other.TeamId, reason = "Butuh teknisi lapangan" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(other.TeamName, body.GetProperty("to").GetString());

        var ticket = await TicketAsync(app, code);
        Assert.Equal(other.TeamId, ticket.TeamId);
        Assert.Null(ticket.AssigneeId);
        Assert.Single(await EventsAsync(app, code, TicketEventKind.TeamChanged));
        Assert.Equal(other.TeamName, Assert.Single(await EventsAsync(app, code, TicketEventKind.Escalated)).NewValue);
        var told = await app.WithDbAsync(d => d.Set<Notification>().Where(n => n.Kind == EscalationNotifications.Escalated).Select(n => n.UserId).ToListAsync());
        Assert.Contains(other.Agent.Id, told);
        Assert.Contains(other.Supervisor.Id, told);
        Assert.DoesNotContain(team.Agent.Id, told);

        // The same team again is a clear field error.
        using var now = await app.ApiAsync(other.Agent);
        var again = await now.PostAsJsonAsync($"/api/v1/tickets/{code}/escalations", new { target = "team", teamId = other.TeamId, reason = "lagi" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("\"teamId\"", await again.Content.ReadAsStringAsync());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_needs_approval_request_escalated_to_the_branch_supervisor_awaits_their_approval(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app, approval: true);
        var branch = await BranchAsync(app);
        var customer = await app.CreateUserAsync();
        var code = await OpenPermitRequestAsync(app, customer, team, branch);
        var pages = await app.SignInAsync(team.Agent);

        var done = await EscalateAsync(pages, code, "BranchSupervisor", "Data pengunjung lengkap", branch: branch.BranchId);
        Assert.Equal(HttpStatusCode.Redirect, done.Status);

        Assert.Equal(TicketStatus.AwaitingApproval, (await TicketAsync(app, code)).Status);
        Assert.Equal(branch.Supervisor.FullName, Assert.Single(await EventsAsync(app, code, TicketEventKind.ApprovalRequested)).NewValue);
        var row = Assert.Single(await EscalationsAsync(app, code));
        Assert.Equal((EscalationTarget.BranchSupervisor, (Guid?)branch.Supervisor.Id, (Guid?)branch.BranchId), (row.Target, row.ToUserId, row.ToBranchId));
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<Notification>().CountAsync(n => n.UserId == branch.Supervisor.Id && n.Kind == EscalationNotifications.ApprovalRequested)));
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<Notification>().CountAsync(n => n.UserId == customer.Id && n.Kind == HelpdeskNotifications.StatusChanged)));

        var customerView = await (await app.SignInAsync(customer)).GetAsync(Page(code));
        Assert.Contains(Id(app, "Awaiting approval"), customerView.Text);
        Assert.Contains(string.Format(Id(app, "{0} asked {1} for approval"), team.Agent.FullName, branch.Supervisor.FullName), customerView.Text);

        // The supervisor's desk lists it with the visit window in the branch's own time.
        var desk = await (await app.SignInAsync(branch.Supervisor)).GetAsync("/helpdesk/supervisor");
        Assert.Equal(HttpStatusCode.OK, desk.Status);
        Assert.Contains(TicketCode.Display(code), desk.Text);
        Assert.Contains("15 Jan 2027 08.00 – 12.00 WITA", desk.Text);
        Assert.Contains(branch.Name, desk.Text);
        using var api = await app.ApiAsync(branch.Supervisor);
        var list = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/helpdesk/supervisor/approvals");
        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal(code, item.GetProperty("code").GetString());
        Assert.Equal(new DateTime(2027, 1, 15, 0, 0, 0, DateTimeKind.Utc), item.GetProperty("visitStartUtc").GetDateTime().ToUniversalTime());

        // Asking again is refused clearly.
        using var agentApi = await app.ApiAsync(team.Agent);
        var again = await agentApi.PostAsJsonAsync($"/api/v1/tickets/{code}/escalations", new { target = "branchSupervisor", reason = "lagi" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_missing_reason_or_a_team_without_supervisor_is_a_field_error_and_nothing_is_written(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app, supervisor: false);
        var customer = await app.CreateUserAsync();
        var code = await OpenAsync(app, customer, team.RequestTypeId);

        using var api = await app.ApiAsync(team.Agent);
        var noReason = await api.PostAsJsonAsync($"/api/v1/tickets/{code}/escalations", new { target = "teamSupervisor", reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("\"reason\"", await noReason.Content.ReadAsStringAsync());

        var pages = await app.SignInAsync(team.Agent);
        var refused = await EscalateAsync(pages, code, "TeamSupervisor", "");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(Id(app, "Say why the ticket is escalated."), refused.Text);

        var noSupervisor = await EscalateAsync(pages, code, "TeamSupervisor", "Butuh keputusan");
        Assert.Equal(HttpStatusCode.BadRequest, noSupervisor.Status);
        Assert.Contains(string.Format(Id(app, "Team {0} has no supervisor."), team.TeamName), noSupervisor.Text);
        Assert.Contains("Butuh keputusan", noSupervisor.Html); // what was typed is kept

        Assert.Empty(await EscalationsAsync(app, code));
        Assert.Empty(await EventsAsync(app, code, TicketEventKind.Escalated));
        Assert.Null((await TicketAsync(app, code)).EscalatedAt);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_customer_cannot_escalate_and_a_stranger_does_not_find_the_ticket(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app);
        var customer = await app.CreateUserAsync();
        var code = await OpenAsync(app, customer, team.RequestTypeId);

        using var own = await app.ApiAsync(customer);
        var response = await own.PostAsJsonAsync($"/api/v1/tickets/{code}/escalations", new { target = "teamSupervisor", reason = "Tolong cepat" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var customerPages = await app.SignInAsync(customer);
        Assert.Equal(HttpStatusCode.Redirect, (await EscalateAsync(customerPages, code, "TeamSupervisor", "Tolong cepat")).Status);

        using var stranger = await app.ApiAsync(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.NotFound,
            (await stranger.PostAsJsonAsync($"/api/v1/tickets/{code}/escalations", new { target = "teamSupervisor", reason = "x" })).StatusCode);
        Assert.Empty(await EscalationsAsync(app, code));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_breach_escalates_automatically_to_the_team_supervisor_and_the_history_says_so_in_the_readers_language(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app);
        var customer = await app.CreateUserAsync();
        var code = await OpenAsync(app, customer, team.RequestTypeId);
        var due = new DateTime(2026, 11, 24, 9, 5, 0, DateTimeKind.Utc);
        var ticketId = await app.WithDbAsync(async d =>
        {
            var t = await d.Set<Ticket>().SingleAsync(x => x.Code == code);
            t.ResolutionDueAt = due;
            await d.SaveChangesAsync();
            return t.Id;
        });

        await app.WithScopeAsync(s => s.GetRequiredService<ISlaBreachEscalator>().EscalateOnBreachAsync(ticketId, SlaMeasure.Resolution, due.AddMinutes(1), default));

        var row = Assert.Single(await EscalationsAsync(app, code));
        Assert.True(row.Automatic);
        Assert.Null(row.ById);
        Assert.Equal(team.Supervisor.Id, row.ToUserId);
        var line = Assert.Single(await EventsAsync(app, code, TicketEventKind.Escalated));
        Assert.Equal(TicketEvent.AutomaticEscalation, line.OldValue);

        var page = await (await app.SignInAsync(team.Agent)).GetAsync(Page(code));
        Assert.Contains(string.Format(Id(app, "The ticket was escalated automatically to {0}"), line.NewValue), page.Text);
        Assert.Contains(string.Format(Id(app, "The resolution was due {0} and did not happen in time."), "24 Nov 2026 16.05 WIB"), page.Text);
        Assert.Contains(Id(app, "Automatic"), page.Text);
        var notification = await app.WithDbAsync(d => d.Set<Notification>().SingleAsync(n => n.UserId == team.Supervisor.Id && n.Kind == EscalationNotifications.Escalated));
        // Written in the supervisor's own language (Indonesian unless they chose English).
        var text = app.Services.GetRequiredService<NotificationTemplates>().Render(notification, "id");
        Assert.Contains(string.Format(Id(app, "The resolution was due {0} and did not happen in time."), "24 Nov 2026 16.05 WIB"), text.Body);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Without_a_team_supervisor_a_breach_goes_to_the_branch_supervisor_and_failing_that_is_recorded_against_the_team(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app, supervisor: false);
        var branch = await BranchAsync(app);
        var customer = await app.CreateUserAsync();
        var withBranch = await OpenAsync(app, customer, team.RequestTypeId);
        var alone = await OpenAsync(app, customer, team.RequestTypeId);
        var ids = await app.WithDbAsync(async d =>
        {
            var t = await d.Set<Ticket>().SingleAsync(x => x.Code == withBranch);
            t.BranchId = branch.BranchId;
            await d.SaveChangesAsync();
            return (t.Id, await d.Set<Ticket>().Where(x => x.Code == alone).Select(x => x.Id).SingleAsync());
        });

        await app.WithScopeAsync(async s =>
        {
            var escalator = s.GetRequiredService<ISlaBreachEscalator>();
            await escalator.EscalateOnBreachAsync(ids.Item1, SlaMeasure.FirstResponse, DateTime.UtcNow, default);
            await escalator.EscalateOnBreachAsync(ids.Item2, SlaMeasure.FirstResponse, DateTime.UtcNow, default);
        });

        var toBranch = Assert.Single(await EscalationsAsync(app, withBranch));
        Assert.Equal((EscalationTarget.BranchSupervisor, (Guid?)branch.Supervisor.Id, true), (toBranch.Target, toBranch.ToUserId, toBranch.Automatic));
        Assert.Equal(TicketStatus.New, (await TicketAsync(app, withBranch)).Status); // never asks for approval by itself
        var toTeam = Assert.Single(await EscalationsAsync(app, alone));
        Assert.Equal((EscalationTarget.TeamSupervisor, (Guid?)null, team.TeamId), (toTeam.Target, toTeam.ToUserId, toTeam.ToTeamId.GetValueOrDefault()));
        Assert.Equal(team.TeamName, Assert.Single(await EventsAsync(app, alone, TicketEventKind.Escalated)).NewValue);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Handing_a_ticket_to_a_branch_sets_its_branch_moves_it_to_the_branch_team_and_tells_the_branch(Db db)
    {
        var app = await apps.Get(db);
        var team = await TeamAsync(app);
        var site = await TeamAsync(app);
        var branch = await BranchAsync(app);
        var member = await app.CreateUserAsync(Roles.Agent);
        await app.WithDbAsync(async d =>
        {
            (await d.Set<Team>().SingleAsync(t => t.Id == site.TeamId)).BranchId = branch.BranchId;
            d.Add(new BranchMember { BranchId = branch.BranchId, UserId = member.Id });
            return await d.SaveChangesAsync();
        });
        var customer = await app.CreateUserAsync();
        var code = await OpenAsync(app, customer, team.RequestTypeId);
        var pages = await app.SignInAsync(team.Agent);

        var escalatePage = await pages.GetAsync(Page(code) + "/escalate");
        Assert.Equal(HttpStatusCode.OK, escalatePage.Status);
        Assert.Contains(branch.Name, escalatePage.Text);
        var noBranch = await EscalateAsync(pages, code, "Branch", "Pekerjaan di lokasi");
        Assert.Equal(HttpStatusCode.BadRequest, noBranch.Status);
        Assert.Contains(Id(app, "Choose a branch."), noBranch.Text);

        var done = await EscalateAsync(pages, code, "Branch", "Pekerjaan di lokasi", branch: branch.BranchId);
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var ticket = await TicketAsync(app, code);
        Assert.Equal((branch.BranchId, site.TeamId), (ticket.BranchId.GetValueOrDefault(), ticket.TeamId.GetValueOrDefault()));
        Assert.Equal(branch.Name, Assert.Single(await EventsAsync(app, code, TicketEventKind.Escalated)).NewValue);
        var told = await app.WithDbAsync(d => d.Set<Notification>().Where(n => n.Kind == EscalationNotifications.Escalated).Select(n => n.UserId).ToListAsync());
        Assert.Contains(branch.Supervisor.Id, told);
        Assert.Contains(member.Id, told);

        // The branch supervisor's desk now lists it as running work.
        var desk = await (await app.SignInAsync(branch.Supervisor)).GetAsync("/helpdesk/supervisor");
        Assert.Contains(TicketCode.Display(code), desk.Text);
        Assert.Contains(site.TeamName, desk.Text);
    }
}
