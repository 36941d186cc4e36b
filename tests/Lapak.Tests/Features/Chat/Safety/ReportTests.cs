using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Features.Notifications;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Chat.ChatKit;

namespace Lapak.Tests.Features.Chat.Safety;

/// <summary>
/// A member reports a conversation with the last 20 messages up to what they saw; admins are told and moderate it:
/// remove a message (everyone then sees it as removed), dismiss or close with a note.
/// </summary>
[Collection(Apps.Name)]
public sealed class ReportTests(Apps apps)
{
    /// <summary>A direct chat of 24 messages, written by both sides in turn (so no one hits the rate limit).</summary>
    private static async Task<(Guid Id, List<JsonElement> Messages)> ChatOf24Async(HttpClient a, HttpClient b, TestUser bUser)
    {
        var id = await StartAsync(a, bUser);
        for (var i = 1; i <= 24; i++) await SentAsync(i % 2 == 1 ? a : b, id, $"pesan nomor {i}");
        return (id, await MessagesAsync(a, id));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_report_keeps_the_last_20_messages_up_to_what_the_reporter_saw_and_tells_the_admins(Db db)
    {
        var app = await apps.Get(db);
        var (a, b, admin) = (await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync(Roles.Admin));
        using var apiA = await app.ApiAsync(a);
        using var apiB = await app.ApiAsync(b);
        var (id, _) = await ChatOf24Async(apiA, apiB, b);

        var created = await apiB.PostAsJsonAsync($"/api/v1/conversations/{id}/report", new { reason = "Menawarkan barang palsu", lastSeq = 22 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var report = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, report.GetProperty("fromSeq").GetInt64());
        Assert.Equal(22, report.GetProperty("toSeq").GetInt64());
        Assert.Equal(a.Id, report.GetProperty("reportedUserId").GetGuid());

        var again = await apiB.PostAsJsonAsync($"/api/v1/conversations/{id}/report", new { reason = "Lagi" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("sudah melaporkan", await again.Content.ReadAsStringAsync());

        var mail = await app.Mail.WaitForAsync(admin.Email, m => m.Text?.Contains("Menawarkan barang palsu") == true);
        Assert.Contains(b.FullName, mail.Subject);
        var inApp = await app.WithDbAsync(d => d.Set<Notification>().Where(n => n.UserId == admin.Id && n.Kind == "chat.report").ToListAsync());
        Assert.Contains(report.GetProperty("id").GetGuid().ToString("N"), Assert.Single(inApp).Link);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Reporting_needs_a_reason_and_membership_and_stores_nothing_otherwise(Db db)
    {
        var app = await apps.Get(db);
        var (a, b, stranger) = (await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync());
        using var apiA = await app.ApiAsync(a);
        using var apiStranger = await app.ApiAsync(stranger);
        var id = await StartAsync(apiA, b);
        await SentAsync(apiA, id, "Halo");

        var blank = await apiA.PostAsJsonAsync($"/api/v1/conversations/{id}/report", new { reason = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("reason", await blank.Content.ReadAsStringAsync());
        var tooLong = await apiA.PostAsJsonAsync($"/api/v1/conversations/{id}/report", new { reason = new string('x', 1001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await apiStranger.PostAsJsonAsync($"/api/v1/conversations/{id}/report", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await apiA.PostAsJsonAsync($"/api/v1/conversations/{Guid.NewGuid()}/report", new { reason = "x" })).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(d => d.Set<ChatReport>().CountAsync(r => r.ConversationId == id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_admin_sees_the_messages_in_question_removes_one_for_everyone_and_closes_the_report(Db db)
    {
        var app = await apps.Get(db);
        var (a, b, admin) = (await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync(Roles.Admin));
        using var apiA = await app.ApiAsync(a);
        using var apiB = await app.ApiAsync(b);
        using var apiAdmin = await app.ApiAsync(admin);
        var (id, messages) = await ChatOf24Async(apiA, apiB, b);
        var created = await (await apiB.PostAsJsonAsync($"/api/v1/conversations/{id}/report", new { reason = "Kata-kata kasar" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var reportId = created.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await apiA.GetAsync("/api/v1/admin/chat/reports")).StatusCode);
        var open = await apiAdmin.GetFromJsonAsync<List<JsonElement>>("/api/v1/admin/chat/reports?status=Open");
        var listed = Assert.Single(open!, r => r.GetProperty("id").GetGuid() == reportId);
        var inQuestion = listed.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(5, 20).Select(i => (long)i), inQuestion.Select(m => m.GetProperty("seq").GetInt64()));
        Assert.Equal("pesan nomor 24", inQuestion[^1].GetProperty("text").GetString());
        Assert.Equal(b.FullName, inQuestion[^1].GetProperty("senderName").GetString()); // even numbers are b's

        await using var hubA = await app.ConnectHubAsync(a);
        var changed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hubA.On<JsonElement>("chat:changed", e => changed.TrySetResult(e));
        Assert.True(await hubA.InvokeAsync<bool>("JoinConversation", id));
        var target = messages.Single(m => m.GetProperty("seq").GetInt64() == 23).GetProperty("id").GetGuid();
        var outside = messages.Single(m => m.GetProperty("seq").GetInt64() == 2).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await apiAdmin.PostAsync($"/api/v1/admin/chat/reports/{reportId}/messages/{outside}/remove", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await apiAdmin.PostAsync($"/api/v1/admin/chat/reports/{reportId}/messages/{target}/remove", null)).StatusCode);
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var seenByA = (await MessagesAsync(apiA, id)).Single(m => m.GetProperty("seq").GetInt64() == 23);
        Assert.True(seenByA.GetProperty("removed").GetBoolean());
        Assert.DoesNotContain("pesan nomor 23", seenByA.GetProperty("html").GetString());
        var stored = await app.WithDbAsync(d => d.Set<ChatMessage>().SingleAsync(m => m.Id == target));
        Assert.NotNull(stored.RemovedAt);
        Assert.Equal(admin.Id, stored.RemovedById);

        using var adminPages = await app.SignInAsync(admin);
        var page = await adminPages.GetAsync("/admin/chat/reports?status=Open");
        Assert.Contains("Kata-kata kasar", page.Text);
        Assert.Contains("pesan nomor 23", page.Text); // the moderator still reads what was removed, marked so
        Assert.Contains("is-removed", page.Html);

        Assert.Equal(HttpStatusCode.NoContent,
            (await apiAdmin.PostAsJsonAsync($"/api/v1/admin/chat/reports/{reportId}/action-taken", new { note = "Pesan dihapus, penjual diperingatkan" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await apiAdmin.PostAsJsonAsync($"/api/v1/admin/chat/reports/{reportId}/dismiss", new { note = "terlambat" })).StatusCode);
        var closed = await apiAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/chat/reports/{reportId}");
        Assert.Equal("ActionTaken", closed.GetProperty("status").GetString());
        Assert.Equal("Pesan dihapus, penjual diperingatkan", closed.GetProperty("note").GetString());
        Assert.Equal(admin.Id, closed.GetProperty("handledById").GetGuid());
        var logged = await app.WithDbAsync(d => d.Set<ActivityEntry>().Where(e => e.ActorId == admin.Id).Select(e => e.Action).ToListAsync());
        Assert.Contains("chat.message_removed", logged);
        Assert.Contains("chat.report_action_taken", logged);

        // A new report may follow once the first is closed.
        Assert.Equal(HttpStatusCode.Created,
            (await apiB.PostAsJsonAsync($"/api/v1/conversations/{id}/report", new { reason = "Masih kasar" })).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_moderation_page_works_as_plain_forms_and_only_for_admins(Db db)
    {
        var app = await apps.Get(db);
        var (a, b, admin) = (await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync(Roles.Admin));
        using var apiA = await app.ApiAsync(a);
        var id = await StartAsync(apiA, b);
        await SentAsync(apiA, id, "Transfer di luar aplikasi saja ya");
        using var pagesB = await app.SignInAsync(b);
        var reported = await pagesB.PostFormAsync($"/chat/{id}/report", new() { ["Reason"] = "Minta transfer di luar Lapak" });
        Assert.Equal(HttpStatusCode.Redirect, reported.Status);
        var reportId = await app.WithDbAsync(d => d.Set<ChatReport>().Where(r => r.ConversationId == id).Select(r => r.Id).SingleAsync());

        var denied = await pagesB.GetAsync("/admin/chat/reports");
        Assert.NotEqual(HttpStatusCode.OK, denied.Status);

        using var pagesAdmin = await app.SignInAsync(admin);
        var list = await pagesAdmin.GetAsync("/admin/chat/reports");
        Assert.Contains("Minta transfer di luar Lapak", list.Text);
        Assert.Contains("Transfer di luar aplikasi saja ya", list.Text);
        var dismissed = await pagesAdmin.PostFormAsync("/admin/chat/reports?handler=Dismiss",
            new() { ["id"] = reportId.ToString(), ["note"] = "Bukan pelanggaran" }, formUrl: "/admin/chat/reports");
        Assert.Equal(HttpStatusCode.Redirect, dismissed.Status);
        var stored = await app.WithDbAsync(d => d.Set<ChatReport>().SingleAsync(r => r.Id == reportId));
        Assert.Equal(ChatReportStatus.Dismissed, stored.Status);
        Assert.Equal("Bukan pelanggaran", stored.Note);
    }
}
