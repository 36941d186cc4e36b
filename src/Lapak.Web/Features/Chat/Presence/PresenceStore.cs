using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Presence;

/// <summary>The writes behind presence: connection rows and "last seen", shared by the hub observer and the sweeper.</summary>
internal static class PresenceStore
{
    public static Task<bool> HasFreshConnectionAsync(LapakDbContext db, Guid userId, DateTime now, string? except = null)
    {
        var fresh = now - ConnectionPresence.Expiry;
        return db.Set<ChatConnection>().AnyAsync(c => c.UserId == userId && c.SeenAt > fresh && c.ConnectionId != except);
    }

    /// <summary>Sets the user's last-seen time; a second writer for the same user (another instance) may win the insert.</summary>
    public static async Task SetLastSeenAsync(LapakDbContext db, Guid userId, DateTime at)
    {
        if (await db.Set<ChatLastSeen>().Where(s => s.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, at)) > 0)
            return;
        db.Add(new ChatLastSeen { UserId = userId, LastSeenAt = at });
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await db.Set<ChatLastSeen>().Where(s => s.UserId == userId && s.LastSeenAt < at)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, at));
        }
    }
}
