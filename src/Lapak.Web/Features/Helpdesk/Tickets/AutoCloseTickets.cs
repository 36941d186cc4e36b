using System.ComponentModel.DataAnnotations;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>Auto-close settings (section <c>Helpdesk</c>).</summary>
public sealed class AutoCloseOptions
{
    public const string Section = "Helpdesk";

    /// <summary>A resolved ticket closes by itself after this many quiet days.</summary>
    [Range(1, 3650)] public int AutoCloseAfterDays { get; set; } = 7;

    /// <summary>How often the check runs.</summary>
    public TimeSpan AutoCloseInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Closes resolved tickets nobody touched for <see cref="AutoCloseOptions.AutoCloseAfterDays"/>, as the system.
/// Each ticket is closed by a conditional update (still resolved, resolved before the cutoff) in the transaction
/// that writes its history line and the customer's notification, so when several instances run, a ticket is
/// closed once, with one history line and one notification.
/// </summary>
public sealed class TicketAutoCloser(IServiceScopeFactory scopes, IOptions<AutoCloseOptions> options, TimeProvider clock)
{
    private const int BatchSize = 200;

    /// <summary>Closes what is due now; returns how many tickets this call closed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LapakDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var text = scope.ServiceProvider.GetRequiredService<LapakText>();
        var live = scope.ServiceProvider.GetRequiredService<Live.TicketLive>();
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-options.Value.AutoCloseAfterDays);

        var due = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.Status == TicketStatus.Resolved && t.ResolvedAt <= cutoff)
            .OrderBy(t => t.ResolvedAt).Select(t => t.Id).Take(BatchSize).ToListAsync(ct);
        var closed = 0;
        foreach (var id in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Set<Ticket>().Where(t => t.Id == id && t.Status == TicketStatus.Resolved && t.ResolvedAt <= cutoff)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TicketStatus.Closed).SetProperty(t => t.ClosedAt, now).SetProperty(t => t.UpdatedAt, now), ct);
            if (claimed != 1) continue; // another instance closed it, or someone reopened it meanwhile

            var ticket = await db.Set<Ticket>().AsNoTracking().SingleAsync(t => t.Id == id, ct);
            db.Add(new TicketEvent
            {
                TicketId = id, Kind = TicketEventKind.StatusChanged, At = now, ActorId = Actor.System.Id, ActorName = Actor.System.Name,
                OldValue = nameof(TicketStatus.Resolved), NewValue = nameof(TicketStatus.Closed),
            });
            var customer = await db.Users.SingleAsync(u => u.Id == ticket.CustomerId, ct);
            notifier.Notify(customer, HelpdeskNotifications.StatusChanged,
                new { code = TicketCode.Display(ticket.Code), subject = ticket.Subject, status = TicketLabels.Status(TicketStatus.Closed, text, customer.PreferredLanguage) },
                $"/helpdesk/tickets/{ticket.Code}", Inbound.TicketMailThread.For(ticket.Code));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            await live.TicketChangedAsync(ticket, publicChange: true);
            closed++;
        }
        return closed;
    }
}

/// <summary>Runs <see cref="TicketAutoCloser"/> every <see cref="AutoCloseOptions.AutoCloseInterval"/>.</summary>
public sealed class TicketAutoCloseService(TicketAutoCloser closer, IOptions<AutoCloseOptions> options, TimeProvider clock,
    ILogger<TicketAutoCloseService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var closed = await closer.RunOnceAsync(stoppingToken);
                if (closed > 0) log.LogInformation("Auto-closed {Count} resolved tickets", closed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex) { log.LogError(ex, "Auto-closing resolved tickets failed"); }
            try { await Task.Delay(options.Value.AutoCloseInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
