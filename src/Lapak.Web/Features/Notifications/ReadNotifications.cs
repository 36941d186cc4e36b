using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Notifications;

/// <summary>Marking one's own notifications read (the notifications page, the bell's links and the API).</summary>
public static class ReadNotifications
{
    public sealed class Handler(LapakDbContext db, TimeProvider clock)
    {
        /// <summary>
        /// Marks one notification read and returns it, or null when <paramref name="userId"/> does not own it:
        /// someone else's id is simply not found.
        /// </summary>
        public async Task<Notification?> MarkOneAsync(Guid userId, Guid id)
        {
            var n = await db.Set<Notification>().SingleOrDefaultAsync(x => x.Id == id && x.UserId == userId);
            if (n is null) return null;
            if (n.ReadAt is null)
            {
                n.ReadAt = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync();
            }
            return n;
        }

        /// <summary>Returns how many were unread.</summary>
        public Task<int> MarkAllAsync(Guid userId)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return db.Set<Notification>().Where(x => x.UserId == userId && x.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReadAt, now));
        }
    }
}
