using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Chat.Model;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Chat.QuickReplies;

/// <summary>Quick replies: each user's own, through the API and the page; another's is not found.</summary>
[Collection(Apps.Name)]
public sealed class QuickReplyTests(Apps apps)
{
    private const string Url = "/api/v1/chat/quick-replies";

    [Theory, ClassData(typeof(Databases))]
    public async Task A_user_adds_lists_changes_and_deletes_their_quick_replies_and_nobody_else_touches_them(Db db)
    {
        var app = await apps.Get(db);
        var (seller, other) = (await app.CreateUserAsync("Seller"), await app.CreateUserAsync());
        using var api = await app.ApiAsync(seller);
        using var otherApi = await app.ApiAsync(other);

        var created = await api.PostAsJsonAsync(Url, new { title = "  Ongkir  ", body = "Ongkir ke Jawa 2-3 hari, luar Jawa 4-7 hari." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var reply = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = reply.GetProperty("id").GetGuid();
        Assert.Equal("Ongkir", reply.GetProperty("title").GetString());
        await api.PostAsJsonAsync(Url, new { title = "Bayar", body = "Transfer ke BCA 123." });

        var mine = await api.GetFromJsonAsync<List<JsonElement>>(Url);
        Assert.Equal(["Bayar", "Ongkir"], mine!.Select(r => r.GetProperty("title").GetString()));
        Assert.Empty((await otherApi.GetFromJsonAsync<List<JsonElement>>(Url))!);

        // Another user's reply does not exist for them.
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.PutAsJsonAsync($"{Url}/{id}", new { title = "x", body = "y" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.DeleteAsync($"{Url}/{id}")).StatusCode);

        var changed = await api.PutAsJsonAsync($"{Url}/{id}", new { title = "Ongkir", body = "Gratis ongkir di atas Rp 100.000." });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{Url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"{Url}/{id}")).StatusCode);

        var rows = await app.WithDbAsync(d => d.Set<QuickReply>().AsNoTracking().Where(q => q.OwnerId == seller.Id).ToListAsync());
        Assert.Equal("Bayar", Assert.Single(rows).Title);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_input_and_more_than_fifty_are_refused_with_field_errors(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync("Agent");
        using var api = await app.ApiAsync(user);

        var empty = await api.PostAsJsonAsync(Url, new { title = "", body = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("body", out _));
        var tooLong = await api.PostAsJsonAsync(Url, new { title = new string('x', 61), body = new string('y', 4001) });
        errors = (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("60", errors.GetProperty("title")[0].GetString());
        Assert.Contains("4000", errors.GetProperty("body")[0].GetString());

        await app.WithDbAsync(async d =>
        {
            for (var i = 0; i < 50; i++) d.Add(new QuickReply { OwnerId = user.Id, Title = $"R{i:00}", Body = "b", CreatedAt = DateTime.UtcNow });
            return await d.SaveChangesAsync();
        });
        var full = await api.PostAsJsonAsync(Url, new { title = "Satu lagi", body = "b" });
        Assert.Equal(HttpStatusCode.BadRequest, full.StatusCode);
        Assert.Contains("50", await full.Content.ReadAsStringAsync());
        Assert.Equal(50, await app.WithDbAsync(d => d.Set<QuickReply>().CountAsync(q => q.OwnerId == user.Id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_page_adds_edits_and_deletes_and_explains_itself_when_empty(Db db)
    {
        var app = await apps.Get(db);
        var (user, other) = (await app.CreateUserAsync("Seller"), await app.CreateUserAsync("Seller"));
        using var pages = await app.SignInAsync(user);

        var empty = await pages.GetAsync("/chat/quick-replies");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("Belum ada balasan cepat", empty.Text);
        Assert.Contains("href=\"/chat/quick-replies\"", empty.Html); // the account menu's entry

        var invalid = await pages.PostFormAsync("/chat/quick-replies", new() { ["Input.Title"] = "", ["Input.Body"] = "" });
        Assert.Equal(HttpStatusCode.OK, invalid.Status);
        Assert.NotNull(invalid.FieldError("Input.Title"));

        var added = await pages.PostFormAsync("/chat/quick-replies", new() { ["Input.Title"] = "Jam buka", ["Input.Body"] = "Kami buka 08.00–17.00 WIB." });
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var list = await pages.FollowAsync(added);
        Assert.Contains("Jam buka", list.Text);
        Assert.Contains("Kami buka 08.00–17.00 WIB.", list.Text);
        var id = await app.WithDbAsync(d => d.Set<QuickReply>().Where(q => q.OwnerId == user.Id).Select(q => q.Id).SingleAsync());

        var edited = await pages.PostFormAsync($"/chat/quick-replies/{id}", new() { ["Input.Title"] = "Jam operasional", ["Input.Body"] = "Senin–Sabtu." });
        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        Assert.Equal("Jam operasional", await app.WithDbAsync(d => d.Set<QuickReply>().Where(q => q.Id == id).Select(q => q.Title).SingleAsync()));

        using var otherPages = await app.SignInAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPages.GetAsync($"/chat/quick-replies/{id}")).Status);

        var deleted = await pages.PostFormAsync($"/chat/quick-replies/{id}?handler=Delete", [], formUrl: $"/chat/quick-replies/{id}");
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<QuickReply>().CountAsync(q => q.OwnerId == user.Id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_openapi_document_lists_the_file_and_quick_reply_endpoints(Db db)
    {
        var app = await apps.Get(db);
        using var http = app.Anonymous();
        var doc = await http.GetStringAsync("/openapi/v1.json");
        foreach (var operation in new[] { "UploadChatAttachment", "DownloadChatAttachment", "PreviewChatAttachment",
                     "ListQuickReplies", "CreateQuickReply", "UpdateQuickReply", "DeleteQuickReply" })
            Assert.Contains($"\"operationId\": \"{operation}\"", doc);
        Assert.Contains("multipart/form-data", doc);
    }
}
