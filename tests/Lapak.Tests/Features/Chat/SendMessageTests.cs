using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Chat.Conversations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Lapak.Tests.Features.Chat.ChatKit;

namespace Lapak.Tests.Features.Chat;

/// <summary>The send path: stored with a dense sequence, a retry returns the stored message, bad input stores nothing.</summary>
[Collection(Apps.Name)]
public sealed class SendMessageTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Messages_get_consecutive_sequence_numbers_and_a_retry_returns_the_stored_message(Db db)
    {
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        using var apiB = await app.ApiAsync(b);
        var id = await StartAsync(apiA, b);
        Assert.Equal(id, await StartAsync(apiB, a)); // the pair has one conversation

        var first = await SentAsync(apiA, id, "Halo, stok masih ada?", "key-1");
        var retry = await SentAsync(apiA, id, "Halo, stok masih ada?", "key-1");
        var reply = await SentAsync(apiB, id, "Masih, **tinggal 3**", "key-1"); // keys are per sender
        Assert.Equal(first.GetProperty("id").GetGuid(), retry.GetProperty("id").GetGuid());
        Assert.Equal(1, first.GetProperty("seq").GetInt64());
        Assert.Equal(2, reply.GetProperty("seq").GetInt64());
        Assert.Contains("<strong>tinggal 3</strong>", reply.GetProperty("html").GetString());

        var conflict = await SendAsync(apiA, id, "something else", "key-1");
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);

        var all = await MessagesAsync(apiB, id);
        Assert.Equal([1L, 2L], all.Select(m => m.GetProperty("seq").GetInt64()));
        var after = await MessagesAsync(apiB, id, after: 1);
        Assert.Equal("Masih, **tinggal 3**", Assert.Single(after).GetProperty("text").GetString());

        var unread = await apiA.GetFromJsonAsync<JsonElement>("/api/v1/conversations/unread");
        Assert.Equal(1, unread.GetProperty("total").GetInt64());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_message_sent_through_the_hub_reaches_the_other_member_live(Db db)
    {
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        var id = await StartAsync(apiA, b);
        await using var hubA = await app.ConnectHubAsync(a);
        await using var hubB = await app.ConnectHubAsync(b);
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hubB.On<JsonElement>("chat:message", m => received.TrySetResult(m));
        Assert.True(await hubB.InvokeAsync<bool>("JoinConversation", id));

        var sent = await hubA.InvokeAsync<ChatMessageView>("SendMessage", id, "k1", "Ada warna lain?", null);
        var got = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(sent.Id, got.GetProperty("id").GetGuid());

        var stranger = await app.CreateUserAsync();
        await using var hubC = await app.ConnectHubAsync(stranger);
        Assert.False(await hubC.InvokeAsync<bool>("JoinConversation", id));
        var refused = await Assert.ThrowsAsync<HubException>(() => hubC.InvokeAsync<ChatMessageView>("SendMessage", id, "k1", "hi", null));
        Assert.Contains(new Lapak.Web.Infrastructure.Localization.LapakText().Get("This conversation does not exist or is not yours.", "id"), refused.Message);
    }
}
