using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lapak.Tests.Infrastructure.Realtime;

/// <summary>Several instances behind a load balancer: what one raises, a browser connected to another receives.</summary>
public sealed class RedisBackplaneTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_notification_raised_on_one_instance_reaches_a_client_connected_to_the_other(Db db)
    {
        var redis = new Dictionary<string, string?>
        {
            ["Realtime:Redis"] = TestServices.Redis,
            ["Realtime:ChannelPrefix"] = "lapak-test-" + Guid.NewGuid().ToString("N")[..8],
        };
        await using var a = await LapakApp.StartAsync(db, redis);
        // Instance B delivers nothing itself, so the push can only come from A through Redis.
        await using var b = await LapakApp.StartSiblingAsync(a, new Dictionary<string, string?>(redis) { ["Notifications:Outbox:Enabled"] = "false" });
        var user = await a.CreateUserAsync();

        await using var onB = await b.ConnectHubAsync(user);
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        onB.On<JsonElement>("notification", n => received.TrySetResult(n));

        using var apiOnA = await a.ApiAsync(user);
        (await apiOnA.PostAsync("/api/v1/me/notifications/test", null)).EnsureSuccessStatusCode();

        var n = await received.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(1, n.GetProperty("unread").GetInt32());
        using var health = b.Anonymous();
        var ready = await health.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("redis").GetString());
    }
}
