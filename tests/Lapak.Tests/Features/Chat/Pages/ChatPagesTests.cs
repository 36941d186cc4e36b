using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Chat.ChatKit;

namespace Lapak.Tests.Features.Chat.Pages;

/// <summary>The chat pages: inbox and its filters, the conversation page and its plain form, /chat/start, archive, search.</summary>
[Collection(Apps.Name)]
public sealed class ChatPagesTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_inbox_lists_my_conversations_and_filters_them(Db db)
    {
        var app = await apps.Get(db);
        var (me, friend, quiet) = (await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync());
        var pages = await app.SignInAsync(me);

        var empty = await pages.GetAsync("/chat");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("Belum ada percakapan — mulai dari profil seseorang.", empty.Text);

        using var apiMe = await app.ApiAsync(me);
        using var apiFriend = await app.ApiAsync(friend);
        var withFriend = await StartAsync(apiMe, friend);
        await SentAsync(apiFriend, withFriend, "INBOX-UNREAD halo");
        var withQuiet = await StartAsync(apiMe, quiet);
        await SentAsync(apiMe, withQuiet, "INBOX-MINE sudah dibaca");

        var all = await pages.GetAsync("/chat");
        Assert.Contains(friend.FullName, all.Text);
        Assert.Contains(quiet.FullName, all.Text);
        Assert.Contains("INBOX-UNREAD halo", all.Text);
        Assert.Contains("1 pesan belum dibaca", all.Text);

        var unread = await pages.GetAsync("/chat?f=unread");
        Assert.Contains(friend.FullName, unread.Text);
        Assert.DoesNotContain(quiet.FullName, unread.Text);

        var support = await pages.GetAsync("/chat?f=support");
        Assert.Contains("Belum ada chat bantuan.", support.Text);

        // The live update asks for the list alone.
        var list = await pages.GetAsync("/chat?handler=List&f=unread");
        Assert.Contains(friend.FullName, list.Text);
        Assert.DoesNotContain("<html", list.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_stranger_gets_404_for_a_conversation_and_its_form(Db db)
    {
        var app = await apps.Get(db);
        var (a, b, stranger) = (await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        var id = await StartAsync(apiA, b);
        await SentAsync(apiA, id, "PRIVATE-TEXT");

        var pages = await app.SignInAsync(stranger);
        var page = await pages.GetAsync($"/chat/{id}");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("PRIVATE-TEXT", page.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/chat/{Guid.NewGuid()}")).Status);

        var post = await pages.PostFormAsync($"/chat/{id}", new() { ["Body"] = "sneaky", ["ClientKey"] = "k1" }, formUrl: "/chat");
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<ChatMessage>().CountAsync(m => m.ConversationId == id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_plain_form_sends_without_javascript_and_shows_validation_errors(Db db)
    {
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        var id = await StartAsync(apiA, b);
        var pages = await app.SignInAsync(a);

        var page = await pages.GetAsync($"/chat/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("role=\"log\"", page.Html);
        Assert.Contains("Belum ada pesan.", page.Text);
        var key = page.HiddenFields()["ClientKey"];

        var sent = await pages.PostFormAsync($"/chat/{id}", new() { ["Body"] = "Dikirim **tanpa** JavaScript", ["ClientKey"] = key });
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal($"/chat/{id}#m-1", sent.Location);
        var after = await pages.GetAsync($"/chat/{id}");
        Assert.Contains("<strong>tanpa</strong>", after.Html);
        Assert.Contains("id=\"m-1\"", after.Html);

        // Posting the same form again (a double click) stores nothing new.
        await pages.PostFormAsync($"/chat/{id}", new() { ["Body"] = "Dikirim **tanpa** JavaScript", ["ClientKey"] = key });
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<ChatMessage>().CountAsync(m => m.ConversationId == id)));

        var invalid = await pages.PostFormAsync($"/chat/{id}", new() { ["Body"] = "   ", ["ClientKey"] = Guid.NewGuid().ToString("N") });
        Assert.Equal(HttpStatusCode.OK, invalid.Status);
        Assert.Contains("chat-errors", invalid.Html);
        Assert.Contains(Indonesian("Write a message or attach a file."), invalid.Text);
        var tooLong = await pages.PostFormAsync($"/chat/{id}", new() { ["Body"] = new string('x', 4001), ["ClientKey"] = Guid.NewGuid().ToString("N") });
        Assert.Equal(HttpStatusCode.OK, tooLong.Status);
        Assert.Contains("4000", tooLong.Text);
        Assert.Contains("Dikirim tanpa JavaScript", tooLong.Text.Replace("*", "")); // the thread is still shown
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<ChatMessage>().CountAsync(m => m.ConversationId == id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Chat_start_makes_the_conversation_once_and_lands_on_it_ready_to_type(Db db)
    {
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        var pages = await app.SignInAsync(a);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await pages.GetAsync("/chat/start")).Status);
        var first = await pages.PostFormAsync("/chat/start", new() { ["UserId"] = b.Id.ToString() }, formUrl: "/chat");
        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        var again = await pages.PostFormAsync("/chat/start", new() { ["UserId"] = b.Id.ToString() }, formUrl: "/chat");
        Assert.Equal(first.Location, again.Location);
        Assert.EndsWith("?focus=1", first.Location);

        var pair = Conversation.PairKeyOf(a.Id, b.Id);
        var ids = await app.WithDbAsync(d => d.Set<Conversation>().Where(c => c.PairKey == pair).Select(c => c.Id).ToListAsync());
        var id = Assert.Single(ids);
        Assert.Equal($"/chat/{id}?focus=1", first.Location);
        var page = await pages.FollowAsync(first);
        Assert.Contains("autofocus", page.Html);
        Assert.Contains(b.FullName, page.Text);

        var self = await pages.PostFormAsync("/chat/start", new() { ["UserId"] = a.Id.ToString() }, formUrl: "/chat");
        Assert.Equal("/chat", self.Location);
        Assert.Contains("alert-danger", (await pages.FollowAsync(self)).Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Archiving_hides_a_conversation_until_brought_back(Db db)
    {
        var app = await apps.Get(db);
        var (a, b, stranger) = (await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        var id = await StartAsync(apiA, b);
        await SentAsync(apiA, id, "ARCHIVE-ME");

        var archived = await apiA.PostAsJsonAsync($"/api/v1/conversations/{id}/archive", new { archived = true });
        Assert.Equal(HttpStatusCode.NoContent, archived.StatusCode);
        Assert.True(await app.WithDbAsync(d => d.Set<ConversationMember>().Where(m => m.ConversationId == id && m.UserId == a.Id).Select(m => m.Archived).SingleAsync()));
        Assert.False(await app.WithDbAsync(d => d.Set<ConversationMember>().Where(m => m.ConversationId == id && m.UserId == b.Id).Select(m => m.Archived).SingleAsync()));

        var pages = await app.SignInAsync(a);
        Assert.DoesNotContain("ARCHIVE-ME", (await pages.GetAsync("/chat")).Text);
        Assert.Contains("ARCHIVE-ME", (await pages.GetAsync("/chat?f=archived")).Text);
        var inbox = await apiA.GetFromJsonAsync<List<JsonElement>>("/api/v1/conversations?filter=archived");
        Assert.Equal(id, Assert.Single(inbox!).GetProperty("id").GetGuid());

        // The page's own button (no JavaScript) brings it back.
        var back = await pages.PostFormAsync($"/chat/{id}?handler=Archive", new() { ["archived"] = "false" }, formUrl: $"/chat/{id}");
        Assert.Equal(HttpStatusCode.Redirect, back.Status);
        Assert.Contains("ARCHIVE-ME", (await pages.GetAsync("/chat")).Text);

        using var apiStranger = await app.ApiAsync(stranger);
        var refused = await apiStranger.PostAsJsonAsync($"/api/v1/conversations/{id}/archive", new { archived = true });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Search_finds_only_my_own_messages_newest_first(Db db)
    {
        var app = await apps.Get(db);
        var (a, b, c, d) = (await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        using var apiC = await app.ApiAsync(c);
        var mine = await StartAsync(apiA, b);
        var word = "kopi" + Guid.NewGuid().ToString("N")[..6];
        await SentAsync(apiA, mine, $"Ada {word.ToUpperInvariant()} gayo?");
        await SentAsync(apiA, mine, $"Yang {word} arabika <b>juga</b>");
        await SentAsync(apiA, mine, "tidak cocok");
        var strangers = await StartAsync(apiC, d);
        await SentAsync(apiC, strangers, $"{word} rahasia orang lain");

        var page = await apiA.GetFromJsonAsync<JsonElement>($"/api/v1/chat/search?q={word}");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(mine, i.GetProperty("conversationId").GetGuid()));
        Assert.Equal(2, items[0].GetProperty("seq").GetInt64());
        Assert.Equal($"/chat/{mine}#m-2", items[0].GetProperty("url").GetString());
        Assert.Equal(b.FullName, items[0].GetProperty("conversationTitle").GetString());

        var pages = await app.SignInAsync(a);
        var results = await pages.GetAsync($"/chat?q={word}");
        Assert.Contains($"<mark>{word}</mark>", results.Html);
        Assert.Contains("&lt;b&gt;juga&lt;/b&gt;", results.Html); // what people typed stays text
        Assert.DoesNotContain("rahasia", results.Text);

        var wildcard = await apiA.GetFromJsonAsync<JsonElement>("/api/v1/chat/search?q=%25%25");
        Assert.Empty(wildcard.GetProperty("items").EnumerateArray());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_unread_count_follows_messages_and_reads_and_the_menu_links_to_chat(Db db)
    {
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        using var apiB = await app.ApiAsync(b);
        var id = await StartAsync(apiA, b);
        await SentAsync(apiA, id, "satu");
        await SentAsync(apiA, id, "dua");

        var unread = await apiB.GetFromJsonAsync<JsonElement>("/api/v1/conversations/unread");
        Assert.Equal(2, unread.GetProperty("total").GetInt64());
        Assert.Equal(1, unread.GetProperty("conversations").GetInt32());

        await apiB.PostAsJsonAsync($"/api/v1/conversations/{id}/read", new { seq = 2 });
        unread = await apiB.GetFromJsonAsync<JsonElement>("/api/v1/conversations/unread");
        Assert.Equal(0, unread.GetProperty("total").GetInt64());

        var home = await (await app.SignInAsync(b)).GetAsync("/");
        Assert.Contains("id=\"chat-nav\"", home.Html);
        Assert.Contains("/js/chat-badge.js", home.Html);
    }

    /// <summary>The send path's texts belong to the core: expect whatever the app's own translation says.</summary>
    private static string Indonesian(string english) => new LapakText().Get(english, LapakCultures.Indonesian);
}
