using Lapak.Web.Infrastructure.Localization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Chat.Conversations;
using Lapak.Web.Features.Chat.Model;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Chat.ChatKit;

namespace Lapak.Tests.Features.Chat.Delivery;

/// <summary>One client key is one message, however many times and through whichever door it is sent at once.</summary>
[Collection(Apps.Name)]
public sealed class IdempotencyTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_same_key_sent_twenty_times_at_once_through_hub_and_api_stores_one_message(Db db)
    {
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var api = await app.ApiAsync(a);
        var id = await StartAsync(api, b);
        // Separate connections: one connection runs its invocations one after another, these must race.
        var hubs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.ConnectHubAsync(a)));
        try
        {
            const string key = "same-key-20";
            const string body = "Barang sudah dikirim, resi JNE 1234";
            var viaHub = Enumerable.Range(0, 10).Select(i =>
                hubs[i % hubs.Length].InvokeAsync<ChatMessageView>("SendMessage", id, key, body, null).ContinueWith(t => t.Result.Id));
            var viaApi = Enumerable.Range(0, 10).Select(async _ =>
            {
                var response = await SendAsync(api, id, body, key);
                Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            });
            var ids = await Task.WhenAll(viaHub.Concat(viaApi));

            var stored = await Rows(app, id);
            var message = Assert.Single(stored);
            Assert.All(ids, x => Assert.Equal(message.Id, x));
            Assert.Equal(1, message.Seq);

            // The key again with other words: refused by both, and nothing more is stored. (The twenty used the
            // default burst; the flood guard runs before the key is looked up, so wait for tokens.)
            await Task.Delay(TimeSpan.FromSeconds(1.2));
            var conflict = await SendAsync(api, id, "Something else", key);
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
            Assert.Contains(new LapakText().Get("This idempotency key was already used for a different message. Use a new key for a new message.", LapakCultures.Indonesian), await conflict.Content.ReadAsStringAsync());
            var refused = await Assert.ThrowsAsync<HubException>(() => hubs[0].InvokeAsync<ChatMessageView>("SendMessage", id, key, "Yet another", null));
            Assert.Contains(new LapakText().Get("This idempotency key was already used for a different message. Use a new key for a new message.", LapakCultures.Indonesian), refused.Message);
            var after = Assert.Single(await Rows(app, id));
            Assert.Equal(body, after.Body);
        }
        finally
        {
            foreach (var hub in hubs) await hub.DisposeAsync();
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task One_key_with_two_bodies_at_once_stores_one_and_refuses_the_other(Db db)
    {
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var api = await app.ApiAsync(a);
        var id = await StartAsync(api, b);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => SendAsync(api, id, i % 2 == 0 ? "even" : "odd", "race-key")));
        var stored = Assert.Single(await Rows(app, id));
        var winners = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Equal(5, winners.Count); // every copy of the stored body answers the stored message
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        foreach (var w in winners) Assert.Equal(stored.Id, (await w.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private static Task<List<ChatMessage>> Rows(LapakApp app, Guid conversation) =>
        app.WithDbAsync(db => db.Set<ChatMessage>().AsNoTracking().Where(m => m.ConversationId == conversation).ToListAsync());
}
