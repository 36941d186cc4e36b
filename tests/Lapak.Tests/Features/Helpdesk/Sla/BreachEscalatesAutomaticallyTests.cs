using Lapak.Web.Features.Helpdesk.Escalations;
using Lapak.Web.Features.Helpdesk.Sla;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapak.Tests.Features.Helpdesk.Escalations.EscalationKit;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Sla;

/// <summary>
/// The whole chain with the real escalation, the clock held by the test: nothing happens before the due time; once it
/// passes, two runners at the same moment escalate the ticket once, automatically, to its team's supervisor.
/// </summary>
[Collection(Apps.Name)]
public sealed class BreachEscalatesAutomaticallyTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_missed_first_response_escalates_once_to_the_team_supervisor_as_automatic(Db db)
    {
        // The hosted runner checks once at start and then not again during the test: the test drives the clock.
        await using var app = await LapakApp.StartAsync(db, new Dictionary<string, string?> { ["Helpdesk:Sla:CheckInterval"] = "1.00:00:00" });
        var team = await TeamAsync(app);
        var code = await OpenAsync(app, await app.CreateUserAsync(), team.RequestTypeId);
        var ticket = await TicketAsync(app, code);
        var due = ticket.FirstResponseDueAt!.Value;
        var runner = app.Services.GetRequiredService<SlaRunner>();

        await runner.RunOnceAsync(due.AddMinutes(-1), CancellationToken.None);
        Assert.Empty(await EscalationsOfAsync(app, ticket.Id));

        await Task.WhenAll(runner.RunOnceAsync(due.AddMinutes(1), CancellationToken.None), runner.RunOnceAsync(due.AddMinutes(1), CancellationToken.None));
        await runner.RunOnceAsync(due.AddMinutes(10), CancellationToken.None);

        var escalation = Assert.Single(await EscalationsOfAsync(app, ticket.Id));
        Assert.True(escalation.Automatic);
        Assert.Equal(EscalationTarget.TeamSupervisor, escalation.Target);
        Assert.Equal(team.Supervisor.Id, escalation.ToUserId);
        var history = await app.WithDbAsync(d => d.Set<TicketEvent>().AsNoTracking().Where(e => e.TicketId == ticket.Id).ToListAsync());
        Assert.Single(history, e => e.Kind == TicketEventKind.SlaBreached && e.NewValue == nameof(SlaMeasure.FirstResponse));
        Assert.Single(history, e => e.Kind == TicketEventKind.Escalated && e.OldValue == TicketEvent.AutomaticEscalation);
        Assert.NotNull((await TicketAsync(app, code)).EscalatedAt);
    }

    private static Task<List<TicketEscalation>> EscalationsOfAsync(LapakApp app, Guid ticketId) =>
        app.WithDbAsync(d => d.Set<TicketEscalation>().AsNoTracking().Where(e => e.TicketId == ticketId).ToListAsync());
}
