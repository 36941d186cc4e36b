using System.Net;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Admin;

[Collection(Apps.Name)]
public sealed class DeliveriesTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_failed_delivery_is_listed_with_its_error_and_retry_now_sends_it(Db db)
    {
        var (app, admin, pages) = await AdminKit.AdminAsync(apps, db);
        var user = await app.CreateUserAsync(Roles.Customer);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var notification = new Notification
        {
            UserId = user.Id, Kind = NotificationKinds.Test, Data = """{"time":"kemarin"}""", CreatedAt = DateTime.UtcNow.AddHours(-1),
            Deliveries =
            [
                new NotificationDelivery
                {
                    Channel = NotificationChannel.Email, Status = DeliveryStatus.Failed, Attempts = 8,
                    NextAttemptAt = DateTime.UtcNow.AddHours(-1), LastError = $"SmtpCommandException: mailbox unavailable {tag}",
                },
            ],
        };
        await app.WithDbAsync(d => { d.Add(notification); return d.SaveChangesAsync(); });
        var delivery = notification.Deliveries[0];

        var failed = await pages.GetAsync("/admin/deliveries?status=Failed");
        Assert.Equal(HttpStatusCode.OK, failed.Status);
        Assert.Contains($"mailbox unavailable {tag}", failed.Text);
        Assert.Contains(user.Email, failed.Text);
        Assert.Contains($"id={delivery.Id}", failed.Html);

        var retried = await pages.PostAsync($"/admin/deliveries?handler=Retry&id={delivery.Id}", "/admin/deliveries");
        Assert.Equal(HttpStatusCode.Redirect, retried.Status);
        Assert.Contains("notification.delivery_retried", await app.WithDbAsync(d =>
            d.Set<ActivityEntry>().Where(a => a.SubjectId == delivery.Id.ToString() && a.ActorId == admin.Id).Select(a => a.Action).ToListAsync()));

        var mail = await app.Mail.WaitForAsync(user.Email, m => m.Text?.Contains("kemarin") == true);
        Assert.NotNull(mail);
        var status = DeliveryStatus.Pending;
        for (var i = 0; i < 100 && status != DeliveryStatus.Delivered; i++)
        {
            await Task.Delay(100);
            status = await app.WithDbAsync(d => d.Set<NotificationDelivery>().Where(x => x.Id == delivery.Id).Select(x => x.Status).SingleAsync());
        }
        Assert.Equal(DeliveryStatus.Delivered, status);

        // Nothing to retry any more: the row is left alone.
        var again = await pages.PostAsync($"/admin/deliveries?handler=Retry&id={delivery.Id}", "/admin/deliveries");
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal(DeliveryStatus.Delivered, await app.WithDbAsync(d => d.Set<NotificationDelivery>().Where(x => x.Id == delivery.Id).Select(x => x.Status).SingleAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_page_counts_deliveries_per_status(Db db)
    {
        var (app, _, pages) = await AdminKit.AdminAsync(apps, db);
        var failed = await app.WithDbAsync(d => d.Set<NotificationDelivery>().CountAsync(x => x.Status == DeliveryStatus.Failed));

        var page = await pages.GetAsync("/admin/deliveries");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Matches($">{failed}</span><span class=\"small\">Gagal<", page.Html);
    }
}
