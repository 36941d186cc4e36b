using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;

namespace Lapak.Web.Features.Notifications;

/// <summary>
/// The one way any module tells a user something. It only adds rows to the caller's unit of work;
/// they are saved with the change that caused them, and delivered after commit by the outbox.
/// </summary>
public sealed class Notifier(LapakDbContext db, TimeProvider clock, NotificationTemplates templates,
    Microsoft.Extensions.Options.IOptions<WhatsAppOptions> whatsApp)
{
    /// <summary>
    /// Notifies <paramref name="user"/> on every channel their preferences allow. Notifications that share a
    /// <paramref name="thread"/> (e.g. <c>ticket-K7MQ-X9AR</c>) are grouped by mail clients and can be answered by e-mail.
    /// </summary>
    public Notification Notify(LapakUser user, string kind, object? data = null, string? link = null, string? thread = null)
    {
        var n = Add(user, kind, data, link, showInApp: true, ChannelsFor(user));
        n.Thread = thread;
        return n;
    }

    /// <summary>
    /// Account mail (confirmation, password reset, invitation): e-mail only, whatever the preferences,
    /// because the user cannot act without it.
    /// </summary>
    public Notification SendAccountMail(LapakUser user, string kind, object? data = null, string? link = null) =>
        Add(user, kind, data, link, showInApp: false, [NotificationChannel.Email]);

    private Notification Add(LapakUser user, string kind, object? data, string? link, bool showInApp,
        IEnumerable<NotificationChannel> channels)
    {
        if (!templates.Knows(kind)) throw new ArgumentException($"No notification template for '{kind}'.", nameof(kind));
        var now = clock.GetUtcNow().UtcDateTime;
        var n = new Notification
        {
            UserId = user.Id, Kind = kind, Link = link, ShowInApp = showInApp, CreatedAt = now,
            Data = data is null ? "{}" : JsonSerializer.Serialize(data),
        };
        foreach (var channel in channels.Distinct())
            n.Deliveries.Add(new NotificationDelivery { NotificationId = n.Id, Channel = channel, NextAttemptAt = now });
        db.Add(n);
        return n;
    }

    private IEnumerable<NotificationChannel> ChannelsFor(LapakUser user)
    {
        if (user.NotifyInApp) yield return NotificationChannel.InApp;
        if (user.NotifyEmail && user.EmailConfirmed) yield return NotificationChannel.Email;
        if (whatsApp.Value.Enabled && user.NotifyWhatsApp && !string.IsNullOrEmpty(user.PhoneNumber)) yield return NotificationChannel.WhatsApp;
    }
}
