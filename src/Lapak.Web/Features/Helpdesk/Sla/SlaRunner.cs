using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>SLA runner settings (section <c>Helpdesk:Sla</c>).</summary>
public sealed class SlaOptions
{
    public const string Section = "Helpdesk:Sla";

    /// <summary>How often due times are checked for warnings and breaches.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>What one run did.</summary>
public sealed record SlaRun(int Warned, int Breached);

/// <summary>
/// Warns the assignee before a due time and hands a breach to <see cref="ISlaBreachEscalator"/>. Each warning and
/// each breach is claimed by a conditional update (flag still empty, due times as read) in the transaction that writes
/// its history line and notifications, so with several instances running it happens once per ticket and due time.
/// </summary>
public sealed class SlaRunner(IServiceScopeFactory scopes, ILogger<SlaRunner> log)
{
    private const int BatchSize = 200;
    // Candidates for a warning are read by wall clock, then checked in business time: a lead of a few business hours
    // can span a long weekend and Lebaran's run of closed days.
    private static readonly TimeSpan WarningHorizon = TimeSpan.FromDays(14);

    public async Task<SlaRun> RunOnceAsync(DateTime now, CancellationToken ct)
    {
        var breached = await BreachAsync(now, ct);
        var warned = await WarnAsync(now, ct);
        return new SlaRun(warned, breached);
    }

    private async Task<int> BreachAsync(DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LapakDbContext>();
        var live = scope.ServiceProvider.GetRequiredService<TicketLive>();
        var due = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.SlaBreachedAt == null && (t.FirstResponseDueAt ?? t.ResolutionDueAt) <= now)
            .OrderBy(t => t.FirstResponseDueAt ?? t.ResolutionDueAt)
            .Select(t => new { t.Id, t.FirstResponseDueAt, t.ResolutionDueAt }).Take(BatchSize).ToListAsync(ct);
        var count = 0;
        foreach (var d in due)
        {
            var measure = d.FirstResponseDueAt is not null ? SlaMeasure.FirstResponse : SlaMeasure.Resolution;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                var claimed = await db.Set<Ticket>()
                    .Where(t => t.Id == d.Id && t.SlaBreachedAt == null && t.FirstResponseDueAt == d.FirstResponseDueAt && t.ResolutionDueAt == d.ResolutionDueAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.SlaBreachedAt, now), ct);
                if (claimed != 1) continue; // another instance has it, or the ticket changed meanwhile
                db.Add(Line(d.Id, TicketEventKind.SlaBreached, measure, now));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            db.ChangeTracker.Clear();
            count++;
            await EscalateAsync(d.Id, measure, now, ct);
            if (await db.Set<Ticket>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == d.Id, ct) is { } ticket)
                await live.TicketChangedAsync(ticket, publicChange: false);
        }
        return count;
    }

    private async Task EscalateAsync(Guid ticketId, SlaMeasure measure, DateTime now, CancellationToken ct)
    {
        // A scope of its own: the escalation saves through its own unit of work, as an agent's escalation would.
        await using var scope = scopes.CreateAsyncScope();
        var escalator = scope.ServiceProvider.GetService<ISlaBreachEscalator>();
        if (escalator is null)
        {
            log.LogWarning("Ticket {TicketId} breached its {Measure} due time; no escalation is set up, so it stays where it is", ticketId, measure);
            return;
        }
        try { await escalator.EscalateOnBreachAsync(ticketId, measure, now, ct); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The breach stays claimed and in the history; escalating it again on the next run could escalate twice.
            log.LogError(e, "Escalating ticket {TicketId} on its {Measure} breach failed", ticketId, measure);
        }
    }

    private async Task<int> WarnAsync(DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<LapakDbContext>();
        var settings = await sp.GetRequiredService<SlaSettingsCache>().GetAsync(db, ct);
        var notifier = sp.GetRequiredService<Notifier>();
        var text = sp.GetRequiredService<LapakText>();
        var live = sp.GetRequiredService<TicketLive>();
        var horizon = now + WarningHorizon;
        var candidates = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.SlaWarnedAt == null && t.SlaBreachedAt == null
                        && (t.FirstResponseDueAt ?? t.ResolutionDueAt) > now && (t.FirstResponseDueAt ?? t.ResolutionDueAt) <= horizon)
            .OrderBy(t => t.FirstResponseDueAt ?? t.ResolutionDueAt).Take(BatchSize).ToListAsync(ct);
        var count = 0;
        foreach (var t in candidates)
        {
            var calendar = settings.CalendarFor(t.TeamId, t.BranchId);
            if (calendar is null || settings.Targets.GetValueOrDefault(t.Priority) is not { } target) continue;
            var due = (t.FirstResponseDueAt ?? t.ResolutionDueAt)!.Value;
            if (calendar.Hours().Between(now, due) > TimeSpan.FromMinutes(target.WarnBeforeMinutes)) continue;
            var measure = t.FirstResponseDueAt is not null ? SlaMeasure.FirstResponse : SlaMeasure.Resolution;

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Set<Ticket>()
                .Where(x => x.Id == t.Id && x.SlaWarnedAt == null && x.SlaBreachedAt == null
                            && x.FirstResponseDueAt == t.FirstResponseDueAt && x.ResolutionDueAt == t.ResolutionDueAt)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SlaWarnedAt, now), ct);
            if (claimed != 1) continue;
            db.Add(Line(t.Id, TicketEventKind.SlaWarning, measure, now));
            foreach (var user in await RecipientsAsync(db, t, ct))
                notifier.Notify(user, SlaNotifications.Warning, new
                {
                    code = TicketCode.Display(t.Code), subject = t.Subject,
                    measure = text.Get(measure == SlaMeasure.FirstResponse ? "first response" : "resolution", user.PreferredLanguage),
                    due = SlaTime.Local(due, calendar.TimeZone, user.PreferredLanguage),
                }, $"/helpdesk/tickets/{t.Code}");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            count++;
            await live.TicketChangedAsync(t, publicChange: false);
        }
        return count;
    }

    /// <summary>The assignee; for a ticket nobody has, its team's supervisors.</summary>
    private static async Task<List<LapakUser>> RecipientsAsync(LapakDbContext db, Ticket t, CancellationToken ct)
    {
        if (t.AssigneeId is { } assignee)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == assignee && u.IsActive, ct);
            if (user is not null) return [user];
        }
        if (t.TeamId is not { } team) return [];
        return await (from m in db.Set<TeamMember>() join u in db.Users on m.UserId equals u.Id
                      where m.TeamId == team && m.IsSupervisor && u.IsActive select u).ToListAsync(ct);
    }

    private static TicketEvent Line(Guid ticketId, TicketEventKind kind, SlaMeasure measure, DateTime now) => new()
    {
        TicketId = ticketId, Kind = kind, At = now, ActorId = Actor.System.Id, ActorName = Actor.System.Name, NewValue = measure.ToString(),
    };
}

/// <summary>Runs <see cref="SlaRunner"/> every <see cref="SlaOptions.CheckInterval"/>.</summary>
public sealed class SlaRunnerService(SlaRunner runner, IOptions<SlaOptions> options, TimeProvider clock, ILogger<SlaRunnerService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var run = await runner.RunOnceAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
                if (run.Warned + run.Breached > 0) log.LogInformation("SLA: warned {Warned}, breached {Breached} tickets", run.Warned, run.Breached);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex) { log.LogError(ex, "Checking SLA due times failed"); }
            try { await Task.Delay(options.Value.CheckInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}

public static class SlaNotifications
{
    public const string Warning = "helpdesk.sla_warning";
}
