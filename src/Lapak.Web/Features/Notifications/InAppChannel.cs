using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Formatting;
using Lapak.Web.Infrastructure.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Notifications;

/// <summary>Pushes the rendered notification and the new unread count to the user's hub group.</summary>
public sealed class InAppChannel(IHubContext<LiveHub> hub, LapakDbContext db, NotificationTemplates templates) : IDeliveryChannel
{
    public const string Event = "notification";

    public NotificationChannel Channel => NotificationChannel.InApp;

    public async Task DeliverAsync(Notification n, LapakUser user, CancellationToken ct)
    {
        var unread = await db.Set<Notification>().CountAsync(x => x.UserId == user.Id && x.ShowInApp && x.ReadAt == null, ct);
        var r = templates.Render(n, user.PreferredLanguage);
        await hub.Clients.Group(LiveHub.UserGroup(user.Id)).SendAsync(Event, new LiveNotification(
            n.Id, r.Title, r.Body, n.Link, Display.Iso(n.CreatedAt), unread), ct);
    }
}

/// <summary>What the bell receives over the hub; the same shape the API lists.</summary>
public sealed record LiveNotification(Guid Id, string Title, string Body, string? Link, string CreatedAt, int Unread);
