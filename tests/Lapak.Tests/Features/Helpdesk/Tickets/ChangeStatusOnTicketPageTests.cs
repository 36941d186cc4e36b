using System.Net;
using Lapak.Web.Features.Helpdesk;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Lapak.Web.Features.Helpdesk.Tickets;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Tickets;

/// <summary>The status form of the ticket page: staff move a ticket along its lifecycle only; everyone else is refused.</summary>
[Collection(Apps.Name)]
public sealed class ChangeStatusOnTicketPageTests(Apps apps)
{
    private static Task<HtmlPage> MoveAsync(PageClient pages, string code, string status) =>
        pages.PostFormAsync(Page(code) + "?handler=Status", new() { ["status"] = status }, formUrl: Page(code));

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_move_a_ticket_along_allowed_paths_the_customer_hears_of_it_and_the_history_shows_old_and_new(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        var staff = await app.SignInAsync(agent);

        var form = await staff.GetAsync(Page(code));
        // Only the statuses a new ticket may go to are offered.
        Assert.Contains("<option value=\"PendingCustomer\">", form.Html);
        Assert.DoesNotContain("<option value=\"New\">", form.Html);

        var moved = await MoveAsync(staff, code, "PendingCustomer");
        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        Assert.Equal(TicketStatus.PendingCustomer, (await TicketAsync(app, code)).Status);
        var page = await staff.FollowAsync(moved);
        Assert.Contains(string.Format(Id(app, "Status changed to {0}."), Id(app, "Waiting for customer")), page.Text);
        Assert.Contains(string.Format(Id(app, "{0} changed the status from {1} to {2}"), agent.FullName, Id(app, "New"), Id(app, "Waiting for customer")), page.Text);

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(staff, code, "Resolved")).Status);
        var resolved = await TicketAsync(app, code);
        Assert.Equal(TicketStatus.Resolved, resolved.Status);
        Assert.NotNull(resolved.ResolvedAt);
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<Notification>().CountAsync(n => n.UserId == customer.Id && n.Kind == HelpdeskNotifications.StatusChanged)));
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<Notification>().CountAsync(n => n.UserId == customer.Id && n.Kind == HelpdeskNotifications.Resolved)));

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(staff, code, "Closed")).Status);
        var closed = await staff.GetAsync(Page(code));
        Assert.Equal(TicketStatus.Closed, (await TicketAsync(app, code)).Status);
        Assert.DoesNotContain("handler=Status", closed.Html); // nowhere left to go
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_illegal_jump_from_closed_back_to_open_is_refused_with_a_message(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var agent = await AgentInTeamAsync(app);
        await SetStatusAsync(app, agent, code, TicketStatus.Closed);
        var events = await app.WithDbAsync(d => d.Set<TicketEvent>().CountAsync(e => e.Kind == TicketEventKind.StatusChanged && d.Set<Ticket>().Any(t => t.Id == e.TicketId && t.Code == code)));

        var refused = await MoveAsync(await app.SignInAsync(agent), code, "Open");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("id=\"ticket-problem\"", refused.Html);
        Assert.Contains(string.Format(Id(app, "A ticket cannot go from {0} to {1}."), Id(app, "Closed"), Id(app, "Open")), refused.Text);
        Assert.Equal(TicketStatus.Closed, (await TicketAsync(app, code)).Status);
        Assert.Equal(events, await app.WithDbAsync(d => d.Set<TicketEvent>().CountAsync(e => e.Kind == TicketEventKind.StatusChanged && d.Set<Ticket>().Any(t => t.Id == e.TicketId && t.Code == code))));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_customer_cannot_change_the_status_of_their_ticket_by_posting_the_form(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);

        var refused = await MoveAsync(await app.SignInAsync(customer), code, "Closed");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(Id(app, "Only staff working on the ticket can change its status."), refused.Text);
        Assert.Equal(TicketStatus.New, (await TicketAsync(app, code)).Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_status_that_does_not_exist_asks_for_a_choice_and_changes_nothing(Db db)
    {
        var app = await apps.Get(db);
        var code = await OpenTicketAsync(app, await app.CreateUserAsync());

        var refused = await MoveAsync(await app.SignInAsync(await AgentInTeamAsync(app)), code, "Archived");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(Id(app, "Choose the new status."), refused.Text);
        Assert.Equal(TicketStatus.New, (await TicketAsync(app, code)).Status);
    }
}
