using Lapak.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Notifications;

public enum NotificationChannel { InApp, Email, WhatsApp }

public enum DeliveryStatus { Pending, Delivered, Failed }

/// <summary>
/// Something said to one user. The text is not stored: <see cref="Kind"/> and <see cref="Data"/> are
/// rendered by a template in the reader's language at the moment it is shown or sent.
/// </summary>
public sealed class Notification : IOwnedResource
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public string Kind { get; set; } = "";
    /// <summary>Template values as JSON (an object of strings).</summary>
    public string Data { get; set; } = "{}";
    /// <summary>Where the notification leads, relative to the site, e.g. <c>/helpdesk/tickets/K7M3QX</c>.</summary>
    public string? Link { get; set; }
    /// <summary>Room for e-mail links that carry an Identity token (several hundred characters).</summary>
    public const int LinkMaxLength = 2000;
    /// <summary>False for transactional mail (confirmation links) that does not belong in the bell.</summary>
    public bool ShowInApp { get; set; } = true;
    /// <summary>
    /// Notifications about the same thing (one ticket) share a thread: their e-mails carry the same
    /// References header, so mail clients group them and a reply can be traced back.
    /// </summary>
    public string? Thread { get; set; }
    public const int ThreadMaxLength = 100;
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }

    public List<NotificationDelivery> Deliveries { get; set; } = [];

    Guid IOwnedResource.OwnerId => UserId;
}

/// <summary>
/// The outbox row: one per notification and channel, written in the same transaction as the
/// notification, then claimed and delivered by <see cref="OutboxDispatcher"/>.
/// </summary>
public sealed class NotificationDelivery
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid NotificationId { get; set; }
    public NotificationChannel Channel { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>A claim lease: while in the future, only <see cref="LockedBy"/> may deliver this row.</summary>
    public DateTime? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public string? LastError { get; set; }
    public DateTime? DeliveredAt { get; set; }
}

internal sealed class NotificationConfiguration :
    IEntityTypeConfiguration<Notification>, IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications_notifications");
        b.Property(x => x.Kind).HasMaxLength(60).IsRequired();
        b.Property(x => x.Data).IsRequired();
        b.Property(x => x.Link).HasMaxLength(Notification.LinkMaxLength);
        b.Property(x => x.Thread).HasMaxLength(Notification.ThreadMaxLength);
        b.HasIndex(x => new { x.UserId, x.CreatedAt });
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Deliveries).WithOne().HasForeignKey(x => x.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<NotificationDelivery> b)
    {
        b.ToTable("notifications_deliveries");
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.LockedBy).HasMaxLength(100);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.HasIndex(x => new { x.NotificationId, x.Channel }).IsUnique();
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
    }
}
