using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapak.Tests.Features.Notifications;

/// <summary>The outbox: written with the change, delivered after commit on every channel, once, with retries.</summary>
[Collection(Apps.Name)]
public sealed class OutboxDeliveryTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_in_app_notification_reaches_only_its_users_live_connection_with_the_unread_count(Db db)
    {
        var app = await apps.Get(db);
        var alice = await app.CreateUserAsync();
        var bob = await app.CreateUserAsync();
        await using var aliceHub = await app.ConnectHubAsync(alice);
        await using var bobHub = await app.ConnectHubAsync(bob);
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bobReceived = 0;
        aliceHub.On<JsonElement>("notification", n => received.TrySetResult(n));
        bobHub.On<JsonElement>("notification", _ => Interlocked.Increment(ref bobReceived));

        using var api = await app.ApiAsync(alice);
        (await api.PostAsync("/api/v1/me/notifications/test", null)).EnsureSuccessStatusCode();

        var n = await received.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(1, n.GetProperty("unread").GetInt32());
        Assert.False(string.IsNullOrEmpty(n.GetProperty("title").GetString()));
        await Task.Delay(500);
        Assert.Equal(0, bobReceived);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        Assert.Equal(n.GetProperty("id").GetGuid(), list.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Each_notification_is_mailed_exactly_once_even_when_two_instances_race_to_deliver(Db db)
    {
        await using var first = await LapakApp.StartAsync(db, new Dictionary<string, string?> { ["Notifications:Outbox:BatchSize"] = "5" });
        await using var second = await LapakApp.StartSiblingAsync(first, new Dictionary<string, string?> { ["Notifications:Outbox:BatchSize"] = "5" });
        var user = await first.CreateUserAsync();
        const int count = 30;

        await first.WithScopeAsync(async sp =>
        {
            var notifier = sp.GetRequiredService<Notifier>();
            var dbContext = sp.GetRequiredService<Lapak.Web.Infrastructure.Data.LapakDbContext>();
            var entity = await dbContext.Users.SingleAsync(u => u.Id == user.Id);
            for (var i = 0; i < count; i++) notifier.Notify(entity, NotificationKinds.Test, new { time = $"#{i}" });
            await dbContext.SaveChangesAsync();
        });

        // Besides both background dispatchers, drive extra passes on both instances at once.
        var runners = new[] { first, second }.Select(a => a.Services.GetRequiredService<OutboxDispatcherRunner>()).ToArray();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => runners[i % 2].RunOnceAsync()));
        await WaitUntilAsync(first, async d => await d.Set<NotificationDelivery>()
            .CountAsync(x => x.Status == DeliveryStatus.Delivered && d.Set<Notification>().Any(n => n.Id == x.NotificationId && n.UserId == user.Id)) == 2 * count);

        await Task.Delay(1000); // a duplicate would arrive now
        var mails = await first.Mail.AllToAsync(user.Email);
        Assert.Equal(count, mails.Count);
        Assert.Equal(count, mails.Select(m => m.Text).Distinct().Count());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_mail_that_cannot_be_sent_is_retried_with_backoff_then_left_failed_for_admins_while_in_app_still_arrives(Db db)
    {
        await using var app = await LapakApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["Smtp:Port"] = TestServices.FreePort().ToString(), // nothing listens there
            ["Notifications:Outbox:MaxAttempts"] = "3",
            ["Notifications:Outbox:InitialBackoff"] = "00:00:00.200",
        });
        var user = await app.CreateUserAsync();
        using var api = await app.ApiAsync(user);
        (await api.PostAsync("/api/v1/me/notifications/test", null)).EnsureSuccessStatusCode();

        await WaitUntilAsync(app, d => d.Set<NotificationDelivery>().AnyAsync(x => x.Channel == NotificationChannel.Email && x.Status == DeliveryStatus.Failed));
        var deliveries = await app.WithDbAsync(d => d.Set<NotificationDelivery>().ToListAsync());
        var email = deliveries.Single(x => x.Channel == NotificationChannel.Email);
        Assert.Equal(3, email.Attempts);
        Assert.False(string.IsNullOrEmpty(email.LastError));
        Assert.Equal(DeliveryStatus.Delivered, deliveries.Single(x => x.Channel == NotificationChannel.InApp).Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task WhatsApp_when_switched_on_posts_a_text_message_to_the_cloud_api_in_the_users_language(Db db)
    {
        var calls = new ConcurrentQueue<(string Path, string? Auth, JsonElement Body)>();
        var fake = WebApplication.CreateSlimBuilder();
        var fakePort = TestServices.FreePort();
        fake.WebHost.UseUrls($"http://127.0.0.1:{fakePort}");
        await using var graph = fake.Build();
        graph.MapPost("/v21.0/{phoneId}/messages", async (HttpContext ctx) =>
        {
            calls.Enqueue((ctx.Request.Path, ctx.Request.Headers.Authorization.ToString(), await JsonSerializer.DeserializeAsync<JsonElement>(ctx.Request.Body)));
            return Results.Ok(new { messages = new[] { new { id = "wamid.1" } } });
        });
        await graph.StartAsync();

        await using var app = await LapakApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["WhatsApp:Enabled"] = "true",
            ["WhatsApp:ApiBaseUrl"] = $"http://127.0.0.1:{fakePort}/v21.0",
            ["WhatsApp:PhoneNumberId"] = "1234567890",
            ["WhatsApp:AccessToken"] = "test-access-token",
        });
        var user = await app.CreateUserAsync();
        using var api = await app.ApiAsync(user);
        (await api.PatchAsJsonAsync("/api/v1/me", new { notifyWhatsApp = true, phoneNumber = "0812-3456-7890" })).EnsureSuccessStatusCode();
        (await api.PostAsync("/api/v1/me/notifications/test", null)).EnsureSuccessStatusCode();

        await WaitUntilAsync(app, d => d.Set<NotificationDelivery>().AnyAsync(x => x.Channel == NotificationChannel.WhatsApp && x.Status == DeliveryStatus.Delivered));
        var call = Assert.Single(calls);
        Assert.Equal("/v21.0/1234567890/messages", call.Path);
        Assert.Equal("Bearer test-access-token", call.Auth);
        Assert.Equal("6281234567890", call.Body.GetProperty("to").GetString());
        Assert.Equal("text", call.Body.GetProperty("type").GetString());
    }

    internal static async Task WaitUntilAsync(LapakApp app, Func<Lapak.Web.Infrastructure.Data.LapakDbContext, Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await app.WithDbAsync(condition))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The outbox did not reach the expected state.");
            await Task.Delay(200);
        }
    }
}
