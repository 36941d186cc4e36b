using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Features.Chat.Presence;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapak.Tests.Features.Chat.ChatKit;

namespace Lapak.Tests.Features.Chat.Presence;

/// <summary>Online and last seen follow real hub connections, and the people watching a conversation hear of it live.</summary>
[Collection(Apps.Name)]
public sealed class PresenceTests(Apps apps)
{
    private static async Task<JsonElement> MemberAsync(HttpClient api, Guid conversation, Guid user)
    {
        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversation}");
        return details.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("userId").GetGuid() == user);
    }

    private static Task<JsonElement> PresenceOf(HubConnection hub, Guid user, bool online)
    {
        var seen = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("chat:presence", e =>
        {
            if (e.GetProperty("userId").GetGuid() == user && e.GetProperty("online").GetBoolean() == online) seen.TrySetResult(e);
        });
        return seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Connecting_shows_online_and_disconnecting_shows_last_seen_to_the_watcher_live(Db db)
    {
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiB = await app.ApiAsync(b);
        var id = await StartAsync(apiB, a);
        Assert.False((await MemberAsync(apiB, id, a.Id)).GetProperty("online").GetBoolean());

        await using var watcher = await app.ConnectHubAsync(b);
        Assert.True(await watcher.InvokeAsync<bool>("JoinConversation", id));
        var cameOnline = PresenceOf(watcher, a.Id, online: true);

        var hubA = await app.ConnectHubAsync(a);
        await cameOnline;
        Assert.True((await MemberAsync(apiB, id, a.Id)).GetProperty("online").GetBoolean());
        var second = await app.ConnectHubAsync(a); // a second tab changes nothing
        await second.DisposeAsync();
        Assert.True((await MemberAsync(apiB, id, a.Id)).GetProperty("online").GetBoolean());

        // Listened for only now: the wait's clock starts when the listening does, and a busy machine may be slow above.
        var wentOffline = PresenceOf(watcher, a.Id, online: false);
        await hubA.DisposeAsync();
        var offline = await wentOffline;
        Assert.Equal(JsonValueKind.String, offline.GetProperty("lastSeenAt").ValueKind);
        var member = await MemberAsync(apiB, id, a.Id);
        Assert.False(member.GetProperty("online").GetBoolean());
        var lastSeen = member.GetProperty("lastSeenAt").GetDateTime();
        Assert.InRange(lastSeen, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<ChatConnection>().CountAsync(c => c.UserId == a.Id)));
    }

    // The dead row is 80 s old: not yet expired for the app's own sweeper (real time), expired for the test's run 30 s on.
    [Theory, ClassData(typeof(Databases))]
    public async Task Rows_of_a_dead_instance_expire_and_their_users_go_offline_while_live_rows_are_kept_fresh(Db db)
    {
        var app = await apps.Get(db);
        var (a, b, c) = (await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiB = await app.ApiAsync(b);
        var id = await StartAsync(apiB, a);
        var now = DateTime.UtcNow;
        await app.WithDbAsync(d =>
        {
            d.Add(new ChatConnection { ConnectionId = "dead-" + Guid.NewGuid().ToString("N"), UserId = a.Id, InstanceId = "gone", SeenAt = now.AddSeconds(-80) });
            return d.SaveChangesAsync();
        });
        await using var live = await app.ConnectHubAsync(c);
        await using var watcher = await app.ConnectHubAsync(b);
        Assert.True(await watcher.InvokeAsync<bool>("JoinConversation", id));
        var wentOffline = PresenceOf(watcher, a.Id, online: false);

        var offline = await app.Services.GetRequiredService<PresenceSweeper>().RunOnceAsync(now.AddSeconds(30));

        Assert.Contains(a.Id, offline);
        Assert.DoesNotContain(c.Id, offline);
        await wentOffline;
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<ChatConnection>().CountAsync(x => x.UserId == a.Id)));
        var seen = await app.WithDbAsync(d => d.Set<ChatLastSeen>().SingleAsync(s => s.UserId == a.Id));
        Assert.Equal(now.AddSeconds(-80), seen.LastSeenAt, TimeSpan.FromSeconds(1));
        var fresh = await app.WithDbAsync(d => d.Set<ChatConnection>().SingleAsync(x => x.UserId == c.Id));
        Assert.True(fresh.SeenAt >= now, "a live connection is refreshed, not swept");
    }
}
