using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Presence;

/// <summary>
/// Reads presence from <c>chat_connections</c> (a row per open hub connection, refreshed by its instance) and
/// <c>chat_last_seen</c>. A user is online while one of their rows has been seen recently.
/// </summary>
public sealed class ConnectionPresence(LapakDbContext db, TimeProvider clock) : IChatPresence
{
    /// <summary>A row not refreshed for this long belongs to an instance that died.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(90);

    public async Task<IReadOnlyDictionary<Guid, PresenceState>> GetAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct = default)
    {
        var fresh = clock.GetUtcNow().UtcDateTime - Expiry;
        var online = await db.Set<ChatConnection>().AsNoTracking()
            .Where(c => userIds.Contains(c.UserId) && c.SeenAt > fresh).Select(c => c.UserId).Distinct().ToListAsync(ct);
        var seen = await db.Set<ChatLastSeen>().AsNoTracking()
            .Where(s => userIds.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, s => s.LastSeenAt, ct);
        return userIds.Distinct().ToDictionary(id => id,
            id => new PresenceState(online.Contains(id), seen.TryGetValue(id, out var at) ? at : null));
    }
}
