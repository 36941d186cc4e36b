using Lapak.Web.Features.Chat.Delivery;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Presence;

/// <summary>
/// Every 30 s, marks this instance's connection rows as still alive and removes rows nobody refreshed for
/// <see cref="ConnectionPresence.Expiry"/> (their instance died), telling the watchers those users went offline.
/// </summary>
public sealed class PresenceSweeper(IServiceScopeFactory scopes, ChatInstance instance, ChatLive live, TimeProvider clock,
    ILogger<PresenceSweeper> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>Refreshes this instance's rows and sweeps expired ones; answers the users who went offline.</summary>
    public async Task<IReadOnlyList<Guid>> RunOnceAsync(DateTime now, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LapakDbContext>();
        await db.Set<ChatConnection>().Where(c => c.InstanceId == instance.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.SeenAt, now), ct);

        var cutoff = now - ConnectionPresence.Expiry;
        var expired = await db.Set<ChatConnection>().AsNoTracking().Where(c => c.SeenAt <= cutoff)
            .Select(c => new { c.ConnectionId, c.UserId, c.SeenAt }).Take(1000).ToListAsync(ct);
        var offline = new List<Guid>();
        foreach (var user in expired.GroupBy(c => c.UserId))
        {
            var ids = user.Select(c => c.ConnectionId).ToList();
            // Only the sweeper that deletes the rows reports the user offline, so two instances do not both push.
            var deleted = await db.Set<ChatConnection>().Where(c => ids.Contains(c.ConnectionId) && c.SeenAt <= cutoff).ExecuteDeleteAsync(ct);
            if (deleted == 0 || await PresenceStore.HasFreshConnectionAsync(db, user.Key, now)) continue;
            var lastSeen = user.Max(c => c.SeenAt);
            await PresenceStore.SetLastSeenAsync(db, user.Key, lastSeen);
            await live.PresenceAsync(user.Key, false, lastSeen);
            offline.Add(user.Key);
        }
        return offline;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(Interval, clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
            try { await RunOnceAsync(clock.GetUtcNow().UtcDateTime, stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e) { log.LogWarning(e, "Refreshing chat presence failed"); }
        }
    }

    /// <summary>A clean stop takes this instance's connections with it, so its users do not look online for another 90 s.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LapakDbContext>();
            await db.Set<ChatConnection>().Where(c => c.InstanceId == instance.Id).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception e) { log.LogWarning(e, "Removing this instance's chat connections on stop failed"); }
    }
}
