using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Notifications;

/// <summary>
/// Delivers the outbox. Each due row is claimed with a conditional UPDATE (a lease), so when several
/// instances run, exactly one delivers it; failures retry with exponential backoff until
/// <see cref="OutboxOptions.MaxAttempts"/>, then stay visible to admins as failed.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider clock,
    ILogger<OutboxDispatcher> log) : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}" is var id && id.Length > 100 ? id[^100..] : id;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try { handled = await RunOnceAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex)
            {
                log.LogError(ex, "Outbox pass failed");
                handled = 0;
            }
            if (handled == 0)
            {
                try { await signal.WaitAsync(options.Value.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
    }

    /// <summary>Claims and delivers one batch of due rows; returns how many it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LapakDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;

        var due = await db.Set<NotificationDelivery>().AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(o.BatchSize).ToListAsync(ct);

        var handled = 0;
        foreach (var id in due)
        {
            var leaseEnd = now + o.Lease;
            var claimed = await db.Set<NotificationDelivery>()
                .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && (d.LockedUntil == null || d.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntil, leaseEnd).SetProperty(d => d.LockedBy, _instance), ct);
            if (claimed != 1) continue; // another instance has it
            handled++;
            await DeliverAsync(scope.ServiceProvider, id, ct);
        }
        return handled;
    }

    private async Task DeliverAsync(IServiceProvider sp, Guid deliveryId, CancellationToken ct)
    {
        var db = sp.GetRequiredService<LapakDbContext>();
        db.ChangeTracker.Clear();
        var delivery = await db.Set<NotificationDelivery>().SingleAsync(d => d.Id == deliveryId, ct);
        var notification = await db.Set<Notification>().AsNoTracking().SingleAsync(n => n.Id == delivery.NotificationId, ct);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == notification.UserId, ct);
        var channel = sp.GetServices<IDeliveryChannel>().Single(c => c.Channel == delivery.Channel);
        var o = options.Value;
        var now = () => clock.GetUtcNow().UtcDateTime;
        try
        {
            await channel.DeliverAsync(notification, user, ct);
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DeliveredAt = now();
            delivery.LastError = null;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            delivery.Attempts++;
            delivery.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}", 1000);
            if (delivery.Attempts >= o.MaxAttempts)
            {
                delivery.Status = DeliveryStatus.Failed;
                log.LogWarning("Gave up delivering {Channel} notification {Id} after {Attempts} attempts: {Error}",
                    delivery.Channel, notification.Id, delivery.Attempts, delivery.LastError);
            }
            else
            {
                var backoff = TimeSpan.FromTicks(Math.Min(o.MaxBackoff.Ticks, o.InitialBackoff.Ticks * (1L << Math.Min(delivery.Attempts - 1, 20))));
                delivery.NextAttemptAt = now() + backoff;
                log.LogInformation("Delivery {Id} ({Channel}) failed, retry {Attempt} in {Backoff}: {Error}",
                    delivery.Id, delivery.Channel, delivery.Attempts, backoff, delivery.LastError);
            }
        }
        delivery.LockedUntil = null;
        delivery.LockedBy = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>One way of reaching a user. Throwing means "try again later".</summary>
public interface IDeliveryChannel
{
    NotificationChannel Channel { get; }
    Task DeliverAsync(Notification notification, LapakUser user, CancellationToken ct);
}
