using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Notifications;

public sealed record DeliveryRow(
    Guid Id, NotificationChannel Channel, DeliveryStatus Status, string Kind, Guid UserId, string UserName, string? Email,
    int Attempts, string? LastError, DateTime NextAttemptAt, DateTime CreatedAt);

public sealed record DeliveryOverview(
    IReadOnlyDictionary<DeliveryStatus, int> Counts, IReadOnlyList<DeliveryRow> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The outbox as admins see it: what is still waiting, what gave up and why, and "try again now"
/// once the cause (a mail server down, a wrong address) is fixed.
/// </summary>
public sealed class OutboxAdmin(LapakDbContext db, OutboxSignal signal, TimeProvider clock, ActivityLog activity)
{
    public const int DefaultPageSize = 50;

    /// <summary>Rows with <paramref name="status"/>, or every undelivered row when it is null; newest first.</summary>
    public async Task<DeliveryOverview> OverviewAsync(DeliveryStatus? status, int page, int pageSize = DefaultPageSize)
    {
        page = Math.Max(1, page);
        var counts = (await db.Set<NotificationDelivery>().GroupBy(d => d.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(x => x.Status, x => x.Count);
        foreach (var s in Enum.GetValues<DeliveryStatus>()) counts.TryAdd(s, 0);

        var rows = from d in db.Set<NotificationDelivery>()
                   join n in db.Set<Notification>() on d.NotificationId equals n.Id
                   join u in db.Users on n.UserId equals u.Id
                   select new { d, n, u };
        rows = status is { } only ? rows.Where(x => x.d.Status == only) : rows.Where(x => x.d.Status != DeliveryStatus.Delivered);
        var total = await rows.CountAsync();
        var items = await rows.OrderByDescending(x => x.n.CreatedAt).ThenBy(x => x.d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new DeliveryRow(x.d.Id, x.d.Channel, x.d.Status, x.n.Kind, x.u.Id, x.u.FullName, x.u.Email,
                x.d.Attempts, x.d.LastError, x.d.NextAttemptAt, x.n.CreatedAt))
            .ToListAsync();
        return new DeliveryOverview(counts, items, page, pageSize, total);
    }

    /// <summary>Puts a failed delivery back in the queue for one more attempt right away; false if it is not failed.</summary>
    public async Task<bool> RetryAsync(Guid id)
    {
        var delivery = await db.Set<NotificationDelivery>().SingleOrDefaultAsync(d => d.Id == id);
        if (delivery is not { Status: DeliveryStatus.Failed }) return false;
        delivery.Status = DeliveryStatus.Pending;
        delivery.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        delivery.LockedUntil = null;
        delivery.LockedBy = null;
        activity.Record("notification.delivery_retried", "delivery", delivery.Id.ToString(),
            detail: $"{delivery.Channel} · {delivery.LastError}");
        await db.SaveChangesAsync();
        signal.Raise();
        return true;
    }
}
