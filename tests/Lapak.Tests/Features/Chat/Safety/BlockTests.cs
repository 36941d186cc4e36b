using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using static Lapak.Tests.Features.Chat.ChatKit;

namespace Lapak.Tests.Features.Chat.Safety;

/// <summary>Blocking stops messages both ways in the pair's chat, keeps the history readable, and is undone by unblocking.</summary>
[Collection(Apps.Name)]
public sealed class BlockTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_block_refuses_sends_both_ways_keeps_history_and_tells_the_open_conversation(Db db)
    {
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        using var apiB = await app.ApiAsync(b);
        var id = await StartAsync(apiA, b);
        await SentAsync(apiA, id, "Kak, barangnya KW ya?");
        await using var hubA = await app.ConnectHubAsync(a);
        var changed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hubA.On<JsonElement>("chat:changed", e => changed.TrySetResult(e));
        Assert.True(await hubA.InvokeAsync<bool>("JoinConversation", id));

        Assert.Equal(HttpStatusCode.NoContent, (await apiB.PostAsJsonAsync("/api/v1/chat/blocks", new { userId = a.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await apiB.PostAsJsonAsync("/api/v1/chat/blocks", new { userId = a.Id })).StatusCode);

        Assert.Equal(id, (await changed.Task.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("conversationId").GetGuid());
        var mine = await apiB.GetFromJsonAsync<List<JsonElement>>("/api/v1/chat/blocks");
        Assert.Equal(a.Id, Assert.Single(mine!).GetProperty("userId").GetGuid());

        var fromBlocked = await SendAsync(apiA, id, "Halo?");
        Assert.Equal(HttpStatusCode.Forbidden, fromBlocked.StatusCode);
        Assert.Contains("tidak menerima pesan dari Anda", await fromBlocked.Content.ReadAsStringAsync());
        var fromBlocker = await SendAsync(apiB, id, "Satu lagi");
        Assert.Equal(HttpStatusCode.Forbidden, fromBlocker.StatusCode);
        Assert.Contains("Buka blokirnya", await fromBlocker.Content.ReadAsStringAsync());
        Assert.Equal("Kak, barangnya KW ya?", Assert.Single(await MessagesAsync(apiA, id)).GetProperty("text").GetString());
        var details = await apiA.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}");
        Assert.False(details.GetProperty("canSend").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await apiB.DeleteAsync($"/api/v1/chat/blocks/{a.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await apiB.DeleteAsync($"/api/v1/chat/blocks/{a.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(apiA, id, "Sudah bisa lagi")).StatusCode);
        Assert.Empty((await apiB.GetFromJsonAsync<List<JsonElement>>("/api/v1/chat/blocks"))!);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Blocking_yourself_or_nobody_is_refused_and_stores_nothing(Db db)
    {
        var app = await apps.Get(db);
        var a = await app.CreateUserAsync();
        using var api = await app.ApiAsync(a);

        var self = await api.PostAsJsonAsync("/api/v1/chat/blocks", new { userId = a.Id });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("userId", await self.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/v1/chat/blocks", new { userId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/chat/blocks/{Guid.NewGuid()}")).StatusCode);
        Assert.Empty((await api.GetFromJsonAsync<List<JsonElement>>("/api/v1/chat/blocks"))!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/chat/blocks")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_header_menu_blocks_without_javascript_and_the_blocked_users_page_unblocks(Db db)
    {
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        var id = await StartAsync(apiA, b);
        using var pages = await app.SignInAsync(a);

        var empty = await pages.GetAsync("/chat/blocked");
        Assert.Contains("Anda belum memblokir siapa pun.", empty.Text);
        var blocked = await pages.PostFormAsync("/chat/blocked?handler=Block",
            new() { ["userId"] = b.Id.ToString(), ["returnUrl"] = $"/chat/{id}" }, formUrl: "/chat/blocked");
        Assert.Equal(HttpStatusCode.Redirect, blocked.Status);
        Assert.Equal($"/chat/{id}", blocked.Location);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(apiA, id, "x")).StatusCode);

        var list = await pages.GetAsync("/chat/blocked");
        Assert.Contains(b.FullName, list.Text);
        var unblocked = await pages.PostFormAsync("/chat/blocked?handler=Unblock", new() { ["userId"] = b.Id.ToString() });
        Assert.Equal("/chat/blocked", unblocked.Location);
        Assert.Contains("Anda belum memblokir siapa pun.", (await pages.GetAsync("/chat/blocked")).Text);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(apiA, id, "x")).StatusCode);
    }
}
