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
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<LapakDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;

        var due = await db.Set<NotificationDelivery>().AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(o.BatchSize).ToListAsync(ct);
        if (due.Count == 0) return 0;

        // One conditional UPDATE claims the whole batch under a token of its own; rows another instance took
        // meanwhile keep their lease and are simply not ours. Two round trips per batch instead of one per row.
        var token = $"{_instance[..Math.Min(_instance.Length, 67)]}:{Guid.NewGuid():N}";
        var leaseEnd = now + o.Lease;
        await db.Set<NotificationDelivery>()
            .Where(d => due.Contains(d.Id) && d.Status == DeliveryStatus.Pending && (d.LockedUntil == null || d.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntil, leaseEnd).SetProperty(d => d.LockedBy, token), ct);
        var claimed = await db.Set<NotificationDelivery>().Where(d => d.LockedBy == token).ToListAsync(ct);
        if (claimed.Count == 0) return 0;

        var notificationIds = claimed.Select(d => d.NotificationId).Distinct().ToList();
        var notifications = await db.Set<Notification>().AsNoTracking().Where(n => notificationIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        var userIds = notifications.Values.Select(n => n.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var channels = sp.GetServices<IDeliveryChannel>().ToDictionary(c => c.Channel);

        var handled = 0;
        foreach (var delivery in claimed)
        {
            if (clock.GetUtcNow().UtcDateTime > leaseEnd - o.Lease / 4)
            {
                // Slow channels ate the lease: hand the rest back untouched rather than risk a second instance
                // delivering them too once our lease runs out.
                delivery.LockedUntil = null;
                delivery.LockedBy = null;
                continue;
            }
            var notification = notifications[delivery.NotificationId];
            await DeliverAsync(channels[delivery.Channel], delivery, notification, users[notification.UserId], ct);
            handled++;
            // Saved one by one: a crash mid-batch must not make already-sent mail go out again.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        return handled;
    }

    private async Task DeliverAsync(IDeliveryChannel channel, NotificationDelivery delivery, Notification notification, LapakUser user,
        CancellationToken ct)
    {
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
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>One way of reaching a user. Throwing means "try again later".</summary>
public interface IDeliveryChannel
{
    NotificationChannel Channel { get; }
    Task DeliverAsync(Notification notification, LapakUser user, CancellationToken ct);
}
