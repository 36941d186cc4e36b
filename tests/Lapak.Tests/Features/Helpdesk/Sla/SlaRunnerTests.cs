using System.Collections.Concurrent;
using Lapak.Web.Features.Helpdesk.Sla;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Sla;

/// <summary>
/// The SLA runner with a clock the test holds: a warning goes once to the assignee before a due time, and a breach is
/// claimed once and handed to the escalation once, even when four instances run at the same moment.
/// </summary>
[Collection(Apps.Name)]
public sealed class SlaRunnerTests
{
    /// <summary>Stands in for the escalation module: records what it was asked to escalate.</summary>
    private sealed class RecordingEscalator : ISlaBreachEscalator
    {
        public ConcurrentQueue<(Guid Ticket, SlaMeasure Measure, DateTime Now)> Calls { get; } = new();

        public Task EscalateOnBreachAsync(Guid ticketId, SlaMeasure missed, DateTime now, CancellationToken ct)
        {
            Calls.Enqueue((ticketId, missed, now));
            return Task.CompletedTask;
        }
    }

    private static Task<LapakApp> StartAsync(Db db, RecordingEscalator escalator) => LapakApp.StartAsync(db,
        // The hosted runner checks once at start and then not again during the test: the test drives the clock.
        new Dictionary<string, string?> { ["Helpdesk:Sla:CheckInterval"] = "1.00:00:00" },
        b => b.ConfigureTestServices(s => s.AddSingleton<ISlaBreachEscalator>(escalator)));

    [Theory, ClassData(typeof(Databases))]
    public async Task A_breach_is_claimed_once_across_four_runners_and_escalated_once_as_a_missed_first_response(Db db)
    {
        var escalator = new RecordingEscalator();
        await using var app = await StartAsync(db, escalator);
        var code = await OpenTicketAsync(app, await app.CreateUserAsync());
        var ticket = await TicketAsync(app, code);
        var runner = app.Services.GetRequiredService<SlaRunner>();
        var now = ticket.FirstResponseDueAt!.Value.AddMinutes(1);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => runner.RunOnceAsync(now, CancellationToken.None)));
        await runner.RunOnceAsync(now.AddMinutes(5), CancellationToken.None);

        var call = Assert.Single(escalator.Calls, c => c.Ticket == ticket.Id);
        Assert.Equal(SlaMeasure.FirstResponse, call.Measure);
        Assert.Equal(now, call.Now);
        var breached = await TicketAsync(app, code);
        Assert.Equal(now, breached.SlaBreachedAt);
        var line = Assert.Single(await app.WithDbAsync(d => d.Set<TicketEvent>().AsNoTracking()
            .Where(e => e.TicketId == ticket.Id && e.Kind == TicketEventKind.SlaBreached).ToListAsync()));
        Assert.Equal(nameof(SlaMeasure.FirstResponse), line.NewValue);
        Assert.Null(line.ActorId);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task After_the_first_reply_the_resolution_due_time_is_the_one_that_breaches(Db db)
    {
        var escalator = new RecordingEscalator();
        await using var app = await StartAsync(db, escalator);
        var code = await OpenTicketAsync(app, await app.CreateUserAsync());
        var agent = await AgentInTeamAsync(app);
        using (var api = await app.ApiAsync(agent))
            (await api.PostAsync($"/api/v1/tickets/{code}/replies", System.Net.Http.Json.JsonContent.Create(new { body = "Sedang kami cek." }))).EnsureSuccessStatusCode();
        var ticket = await TicketAsync(app, code);
        Assert.Null(ticket.FirstResponseDueAt);
        var runner = app.Services.GetRequiredService<SlaRunner>();

        await runner.RunOnceAsync(ticket.ResolutionDueAt!.Value.AddMinutes(-1), CancellationToken.None);
        Assert.DoesNotContain(escalator.Calls, c => c.Ticket == ticket.Id);
        await runner.RunOnceAsync(ticket.ResolutionDueAt!.Value.AddMinutes(1), CancellationToken.None);

        Assert.Equal(SlaMeasure.Resolution, Assert.Single(escalator.Calls, c => c.Ticket == ticket.Id).Measure);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_assignee_is_warned_once_in_app_and_by_e_mail_before_the_due_time(Db db)
    {
        var escalator = new RecordingEscalator();
        await using var app = await StartAsync(db, escalator);
        var agent = await AgentInTeamAsync(app, email: true);
        var code = await OpenTicketAsync(app, await app.CreateUserAsync());
        await app.WithDbAsync(d => d.Set<Ticket>().Where(t => t.Code == code).ExecuteUpdateAsync(s => s.SetProperty(t => t.AssigneeId, agent.Id)));
        var ticket = await TicketAsync(app, code);
        var runner = app.Services.GetRequiredService<SlaRunner>();
        var due = ticket.FirstResponseDueAt!.Value;

        // At the opening the whole target lies ahead: nothing yet. (Not "due minus the lead minus an hour" by the wall
        // clock: the lead is business time, so at night that instant is already within it.)
        await runner.RunOnceAsync(ticket.CreatedAt, CancellationToken.None);
        Assert.Null((await TicketAsync(app, code)).SlaWarnedAt);

        var now = due.AddMinutes(-5);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => runner.RunOnceAsync(now, CancellationToken.None)));
        await runner.RunOnceAsync(now.AddMinutes(1), CancellationToken.None);

        Assert.Equal(now, (await TicketAsync(app, code)).SlaWarnedAt);
        var line = Assert.Single(await app.WithDbAsync(d => d.Set<TicketEvent>().AsNoTracking()
            .Where(e => e.TicketId == ticket.Id && e.Kind == TicketEventKind.SlaWarning).ToListAsync()));
        Assert.Equal(nameof(SlaMeasure.FirstResponse), line.NewValue);
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<Notification>().CountAsync(n => n.UserId == agent.Id && n.Kind == SlaNotifications.Warning)));
        var mail = await app.Mail.WaitForAsync(agent.Email, m => m.Subject.Contains(TicketCode.Display(code)));
        Assert.Contains(TicketCode.Display(code), mail.Subject);
        Assert.DoesNotContain(escalator.Calls, c => c.Ticket == ticket.Id);
    }
}
