using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Lapak.Web.Features.Chat;
using Lapak.Web.Features.Chat.Conversations;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapak.Tests.Features.Chat.ChatKit;

namespace Lapak.Tests.Features.Chat.Delivery;

/// <summary>Bad input, strangers, blocks and floods are refused the same way by the hub and the API, and store nothing.</summary>
[Collection(Apps.Name)]
public sealed class SendGuardTests(Apps apps)
{
    /// <summary>Test users read Lapak in Indonesian, its default language.</summary>
    private static string Id(string english) => new LapakText().Get(english, LapakCultures.Indonesian);

    [Theory, ClassData(typeof(Databases))]
    public async Task Empty_oversized_and_strangers_messages_are_refused_by_hub_and_api_and_nothing_is_stored(Db db)
    {
        var app = await apps.Get(db);
        var (a, b, stranger) = (await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync());
        using var api = await app.ApiAsync(a);
        using var strangerApi = await app.ApiAsync(stranger);
        var id = await StartAsync(api, b);
        await using var hub = await app.ConnectHubAsync(a);
        await using var strangerHub = await app.ConnectHubAsync(stranger);

        foreach (var (body, error) in new[] { ("   ", Id("Write a message or attach a file.")), (new string('x', 4001), string.Format(Id("A message can be at most {0} characters."), 4000)) })
        {
            var response = await SendAsync(api, id, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(error, await response.Content.ReadAsStringAsync());
            var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<ChatMessageView>("SendMessage", id, Key(), body, null));
            Assert.Contains(error, refused.Message);
        }
        Assert.Equal(4000, (await SentAsync(api, id, new string('x', 4000))).GetProperty("text").GetString()!.Length); // the limit itself is fine

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(strangerApi, id, "Halo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerApi.GetAsync($"/api/v1/conversations/{id}/messages?after=0")).StatusCode);
        var notFound = await Assert.ThrowsAsync<HubException>(() => strangerHub.InvokeAsync<ChatMessageView>("SendMessage", id, Key(), "Halo", null));
        Assert.Contains(Id("This conversation does not exist or is not yours."), notFound.Message);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(api, Guid.NewGuid(), "Halo")).StatusCode); // no such conversation

        Assert.Equal(1, await Count(app, id));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_blocked_sender_is_refused_by_hub_and_api_once_the_block_is_known(Db db)
    {
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        using var apiB = await app.ApiAsync(b);
        var id = await StartAsync(apiA, b);
        await SentAsync(apiA, id, "Halo"); // the send path now has "no block" cached for the pair
        await using var hubA = await app.ConnectHubAsync(a);

        await app.WithDbAsync(async d =>
        {
            d.Add(new ChatBlock { BlockerId = b.Id, BlockedId = a.Id, CreatedAt = DateTime.UtcNow });
            return await d.SaveChangesAsync();
        });
        // A block written behind ChatAccess's back is not seen until the cache is dropped, as the block action does.
        await app.WithScopeAsync(sp =>
        {
            sp.GetRequiredService<ChatAccess>().ForgetBlocks(a.Id, b.Id);
            return Task.CompletedTask;
        });

        var response = await SendAsync(apiA, id, "Kenapa tidak dibalas?");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(Id("This user does not accept messages from you."), await response.Content.ReadAsStringAsync());
        var refused = await Assert.ThrowsAsync<HubException>(() => hubA.InvokeAsync<ChatMessageView>("SendMessage", id, Key(), "Halo?", null));
        Assert.Contains(Id("This user does not accept messages from you."), refused.Message);
        var own = await SendAsync(apiB, id, "Saya blokir");
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains(Id("You blocked this user. Unblock them to send messages."), await own.Content.ReadAsStringAsync());

        Assert.Equal(1, await Count(app, id));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_flood_is_refused_as_too_fast_by_hub_and_api_and_nothing_beyond_the_burst_is_stored(Db db)
    {
        await using var app = await LapakApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["Chat:BurstMessages"] = "5", ["Chat:MessagesPerSecond"] = "1",
        });
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        var id = await StartAsync(apiA, b);
        var started = DateTime.UtcNow;

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => SendAsync(apiA, id, $"Promo {i}!")));
        var elapsed = DateTime.UtcNow - started;
        var ok = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var tooMany = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(30, ok + tooMany.Count);
        Assert.InRange(ok, 5, 5 + (int)Math.Ceiling(elapsed.TotalSeconds)); // the burst, plus at most the refill meanwhile
        Assert.Contains(Id("You are sending messages too fast. Wait a moment and try again."), await tooMany[0].Content.ReadAsStringAsync());
        Assert.Equal(ok, await Count(app, id));

        // The hub shares the bucket: B floods through it.
        await using var hubB = await app.ConnectHubAsync(b);
        var hubResults = new List<Exception?>();
        var hubStarted = DateTime.UtcNow;
        for (var i = 0; i < 12; i++)
        {
            try { await hubB.InvokeAsync<ChatMessageView>("SendMessage", id, Key(), $"Spam {i}", null); hubResults.Add(null); }
            catch (HubException e) { hubResults.Add(e); }
        }
        var hubOk = hubResults.Count(e => e is null);
        Assert.InRange(hubOk, 5, 5 + (int)Math.Ceiling((DateTime.UtcNow - hubStarted).TotalSeconds));
        Assert.Contains(Id("You are sending messages too fast. Wait a moment and try again."), hubResults.First(e => e is not null)!.Message);
        Assert.Equal(ok + hubOk, await Count(app, id));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_stranger_cannot_join_and_hears_nothing_and_typing_needs_a_joined_conversation(Db db)
    {
        var app = await apps.Get(db);
        var (a, b, stranger) = (await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        var id = await StartAsync(apiA, b);
        await using var hubA = await app.ConnectHubAsync(a);
        await using var hubB = await app.ConnectHubAsync(b);
        await using var hubS = await app.ConnectHubAsync(stranger);
        var heardByStranger = new ConcurrentQueue<string>();
        foreach (var e in new[] { "chat:message", "chat:typing", "chat:receipt", "chat:activity" })
            hubS.On<JsonElement>(e, _ => heardByStranger.Enqueue(e));
        var typingAtA = new ConcurrentQueue<JsonElement>();
        hubA.On<JsonElement>("chat:typing", t => typingAtA.Enqueue(t));
        var messageAtB = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hubB.On<JsonElement>("chat:message", m => messageAtB.TrySetResult(m));

        Assert.False(await hubS.InvokeAsync<bool>("JoinConversation", id));
        await hubS.InvokeAsync("ChatTyping", id); // not joined: ignored
        Assert.True(await hubA.InvokeAsync<bool>("JoinConversation", id));

        // B has not joined yet: its typing is ignored.
        await hubB.InvokeAsync("ChatTyping", id);
        Assert.True(await hubB.InvokeAsync<bool>("JoinConversation", id));
        await hubB.InvokeAsync("ChatTyping", id);
        for (var i = 0; i < 50 && typingAtA.IsEmpty; i++) await Task.Delay(100);
        var typing = Assert.Single(typingAtA);
        Assert.Equal(b.Id, typing.GetProperty("userId").GetGuid());

        var sent = await hubA.InvokeAsync<ChatMessageView>("SendMessage", id, Key(), "Rahasia", null);
        Assert.Equal(sent.Id, (await messageAtB.Task.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("id").GetGuid());
        await Task.Delay(500); // what would reach the stranger has had the time to
        Assert.Empty(heardByStranger);
        Assert.Single(typingAtA);
    }

    private static string Key() => Guid.NewGuid().ToString("N");

    private static Task<int> Count(LapakApp app, Guid conversation) =>
        app.WithDbAsync(d => d.Set<ChatMessage>().CountAsync(m => m.ConversationId == conversation));
}
