using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Formatting;

namespace Lapak.Web.Features.Notifications;

/// <summary>"Send me a test notification" (notification settings page and <c>POST /api/v1/me/notifications/test</c>).</summary>
public static class SendTestNotification
{
    public sealed class Handler(Notifier notifier, LapakDbContext db, TimeProvider clock)
    {
        /// <summary>Sends on every channel the user's preferences allow and returns those channels.</summary>
        public async Task<IReadOnlyList<NotificationChannel>> HandleAsync(LapakUser user)
        {
            var n = notifier.Notify(user, NotificationKinds.Test, new { time = Display.Wib(clock.GetUtcNow().UtcDateTime) }, "/notifications");
            await db.SaveChangesAsync();
            return n.Deliveries.Select(d => d.Channel).ToList();
        }
    }
}
