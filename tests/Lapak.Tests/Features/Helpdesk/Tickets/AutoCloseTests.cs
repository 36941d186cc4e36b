using Lapak.Web.Features.Helpdesk;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Tickets;

/// <summary>A resolved ticket closes by itself after 7 quiet days: once, by the system, with the customer told.</summary>
[Collection(Apps.Name)]
public sealed class AutoCloseTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_ticket_resolved_eight_days_ago_closes_once_and_one_resolved_today_stays_resolved(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var agent = await AgentInTeamAsync(app);
        var old = await OpenTicketAsync(app, customer);
        var fresh = await OpenTicketAsync(app, customer);
        await SetStatusAsync(app, agent, old, TicketStatus.Resolved);
        await SetStatusAsync(app, agent, fresh, TicketStatus.Resolved);
        await app.WithDbAsync(d => d.Set<Ticket>().Where(t => t.Code == old)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ResolvedAt, DateTime.UtcNow.AddDays(-8))));
        var closer = app.Services.GetRequiredService<TicketAutoCloser>();

        // Several instances at once: the conditional update lets exactly one of them close it.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => closer.RunOnceAsync(CancellationToken.None)));
        await closer.RunOnceAsync(CancellationToken.None);

        var closed = await TicketAsync(app, old);
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal(TicketStatus.Resolved, (await TicketAsync(app, fresh)).Status);
        var lines = await app.WithDbAsync(d => d.Set<TicketEvent>()
            .Where(e => e.TicketId == closed.Id && e.Kind == TicketEventKind.StatusChanged && e.NewValue == nameof(TicketStatus.Closed)).ToListAsync());
        var line = Assert.Single(lines);
        Assert.Null(line.ActorId);
        Assert.Equal(Actor.System.Name, line.ActorName);
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<Notification>()
            .CountAsync(n => n.UserId == customer.Id && n.Kind == HelpdeskNotifications.StatusChanged && n.Link == Page(old))));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_ticket_the_customer_reopened_is_not_closed_whatever_its_old_resolution_time(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        await SetStatusAsync(app, await AgentInTeamAsync(app), code, TicketStatus.Resolved);
        await app.WithDbAsync(d => d.Set<Ticket>().Where(t => t.Code == code)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ResolvedAt, DateTime.UtcNow.AddDays(-30))));
        var pages = await app.SignInAsync(customer);
        await pages.PostFormAsync(Page(code) + "?handler=Reply", new() { ["Reply.Body"] = "Masih putus lagi." }, formUrl: Page(code));

        await app.Services.GetRequiredService<TicketAutoCloser>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(TicketStatus.Open, (await TicketAsync(app, code)).Status);
    }
}
