using Lapak.Web.Features.Chat.Delivery;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Presence;

/// <summary>
/// Keeps a <c>chat_connections</c> row per open hub connection, so every instance agrees on who is online, and tells
/// the watchers of a user (<see cref="ChatGroups.Presence"/>) when their first connection opens and their last one closes.
/// </summary>
public sealed class ChatPresenceObserver(LapakDbContext db, ChatInstance instance, ChatLive live, TimeProvider clock) : IHubConnectionObserver
{
    public async Task ConnectedAsync(Guid userId, string connectionId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var wasOnline = await PresenceStore.HasFreshConnectionAsync(db, userId, now, except: connectionId);
        db.Add(new ChatConnection { ConnectionId = connectionId, UserId = userId, InstanceId = instance.Id, SeenAt = now });
        await db.SaveChangesAsync();
        if (!wasOnline) await live.PresenceAsync(userId, true, null);
    }

    public async Task DisconnectedAsync(Guid userId, string connectionId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<ChatConnection>().Where(c => c.ConnectionId == connectionId).ExecuteDeleteAsync();
        if (await PresenceStore.HasFreshConnectionAsync(db, userId, now)) return;
        await PresenceStore.SetLastSeenAsync(db, userId, now);
        await live.PresenceAsync(userId, false, now);
    }
}
