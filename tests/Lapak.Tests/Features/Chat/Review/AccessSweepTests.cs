using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lapak.Tests.Features.Chat.Support;
using Microsoft.AspNetCore.SignalR.Client;
using static Lapak.Tests.Features.Chat.ChatKit;

namespace Lapak.Tests.Features.Chat.Review;

/// <summary>
/// The review's sweep: every chat endpoint, page and hub method against strangers, agents of another team and
/// malformed input. Each case lists the answers that are right; all wrong answers are reported together.
/// </summary>
[Collection(Apps.Name)]
public sealed class AccessSweepTests(Apps apps)
{
    private const string Evil = "<img src=x onerror=alert(1)>";

    [Theory, ClassData(typeof(Databases))]
    public async Task Strangers_get_404_and_bad_input_gets_a_problem_never_a_500(Db db)
    {
        var app = await apps.Get(db);
        var (a, b, s) = (await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync());
        using var api = await app.ApiAsync(a);
        using var sapi = await app.ApiAsync(s);
        using var bapi = await app.ApiAsync(b);
        var id = await StartAsync(api, b);
        await SentAsync(api, id, "halo");
        var fails = new List<string>();
        async Task Expect(string what, Task<HttpResponseMessage> call, params HttpStatusCode[] ok)
        {
            var r = await call;
            var body = await r.Content.ReadAsStringAsync();
            if (!ok.Contains(r.StatusCode)) fails.Add($"{what}: {(int)r.StatusCode} {body[..Math.Min(300, body.Length)]}");
            else if ((int)r.StatusCode >= 400 && r.StatusCode != HttpStatusCode.NotFound && r.Content.Headers.ContentType?.MediaType != "application/problem+json")
                fails.Add($"{what}: {(int)r.StatusCode} is not ProblemDetails ({r.Content.Headers.ContentType})");
        }
        static StringContent J(string json) => new(json, Encoding.UTF8, "application/json");
        const HttpStatusCode bad = HttpStatusCode.BadRequest, nf = HttpStatusCode.NotFound, ok = HttpStatusCode.OK, forbidden = HttpStatusCode.Forbidden;

        foreach (var json in new[] { "", "null", "{", "[]", "{\"body\":5}", "{\"clientKey\":\"k\",\"body\":\"x\",\"attachmentIds\":[\"nope\"]}" })
        {
            await Expect("send " + json, api.PostAsync($"/api/v1/conversations/{id}/messages", J(json)), bad);
            await Expect("start " + json, api.PostAsync("/api/v1/conversations", J(json)), bad);
            await Expect("read " + json, api.PostAsync($"/api/v1/conversations/{id}/read", J(json)), bad);
            await Expect("report " + json, api.PostAsync($"/api/v1/conversations/{id}/report", J(json)), bad);
            await Expect("archive " + json, api.PostAsync($"/api/v1/conversations/{id}/archive", J(json)), bad);
            await Expect("quick reply " + json, api.PostAsync("/api/v1/chat/quick-replies", J(json)), bad);
            await Expect("block " + json, api.PostAsync("/api/v1/chat/blocks", J(json)), bad);
            await Expect("support " + json, api.PostAsync("/api/v1/support-chats", J(json)), bad);
        }
        await Expect("limit abc", api.GetAsync($"/api/v1/conversations/{id}/messages?limit=abc"), bad);
        await Expect("limit huge", api.GetAsync($"/api/v1/conversations/{id}/messages?limit=2147483647&before=-5"), ok);
        await Expect("after max", api.GetAsync($"/api/v1/conversations/{id}/messages?after=9223372036854775807"), ok);
        await Expect("before min", api.GetAsync($"/api/v1/conversations/{id}/messages?before=-9223372036854775808"), ok);
        await Expect("inbox odd", api.GetAsync("/api/v1/conversations?filter=zzz&skip=-4&take=-1"), ok);
        await Expect("inbox huge", api.GetAsync("/api/v1/conversations?skip=2147483647&take=2147483647"), ok);
        await Expect("subject too long", api.PostAsJsonAsync("/api/v1/conversations", new { userId = b.Id, subjectKind = "ticket", subjectId = new string('z', 5000) }), bad);
        await Expect("unknown subject kind", api.PostAsJsonAsync("/api/v1/conversations", new { userId = b.Id, subjectKind = "zzz", subjectId = "1" }), bad);
        await Expect("nobody", api.PostAsJsonAsync("/api/v1/conversations", new { userId = Guid.Empty }), bad);
        await Expect("read huge", api.PostAsJsonAsync($"/api/v1/conversations/{id}/read", new { seq = long.MaxValue }), HttpStatusCode.NoContent);
        await Expect("report negative", api.PostAsJsonAsync($"/api/v1/conversations/{id}/report", new { reason = "x", lastSeq = long.MinValue }), bad);
        await Expect("search odd", api.GetAsync("/api/v1/chat/search?q=%25_%5C&skip=-1"), ok);
        await Expect("search huge skip", api.GetAsync("/api/v1/chat/search?q=halo&skip=2147483647"), ok);
        await Expect("analytics as customer", api.GetAsync("/api/v1/admin/chat/analytics?from=zz"), forbidden);
        await Expect("support unknown team", api.PostAsJsonAsync("/api/v1/support-chats", new { teamId = Guid.NewGuid(), body = "x", clientKey = "k1" }), bad);
        await Expect("pickup direct", api.PostAsync($"/api/v1/support-chats/{id}/pickup", null), nf);
        await Expect("close direct", api.PostAsync($"/api/v1/support-chats/{id}/close", null), nf);
        await Expect("ticket direct", api.PostAsJsonAsync($"/api/v1/support-chats/{id}/ticket", new { subject = "x" }), nf);

        await Expect("s get", sapi.GetAsync($"/api/v1/conversations/{id}"), nf);
        await Expect("s messages", sapi.GetAsync($"/api/v1/conversations/{id}/messages"), nf);
        await Expect("s read", sapi.PostAsJsonAsync($"/api/v1/conversations/{id}/read", new { seq = 1 }), nf);
        await Expect("s delivered", sapi.PostAsJsonAsync($"/api/v1/conversations/{id}/delivered", new { seq = 1 }), nf);
        await Expect("s archive", sapi.PostAsJsonAsync($"/api/v1/conversations/{id}/archive", new { archived = true }), nf);
        await Expect("s report", sapi.PostAsJsonAsync($"/api/v1/conversations/{id}/report", new { reason = "x" }), nf);
        await Expect("s analytics", sapi.GetAsync($"/api/v1/conversations/{id}/analytics"), nf);
        await Expect("s admin reports", sapi.GetAsync("/api/v1/admin/chat/reports"), forbidden);
        await Expect("s queue", sapi.GetAsync("/api/v1/support-chats/queue"), forbidden);
        await Expect("s upload", sapi.PostAsync($"/api/v1/conversations/{id}/attachments", Upload()), nf);
        var fileId = (await (await api.PostAsync($"/api/v1/conversations/{id}/attachments", Upload())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Expect("s draft", sapi.GetAsync($"/api/v1/chat/attachments/{fileId}"), nf);
        await Expect("b draft", bapi.GetAsync($"/api/v1/chat/attachments/{fileId}"), nf);
        await Expect("s sends a's file", SendAsync(sapi, id, "x", null, [fileId]), nf);
        await Expect("s sends a's file elsewhere", SendAsync(sapi, await StartAsync(sapi, b), "x", null, [fileId]), bad);
        await Expect("a sends file", api.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { clientKey = "f1", body = "", attachmentIds = new[] { fileId } }), HttpStatusCode.Created);
        await Expect("s sent file", sapi.GetAsync($"/api/v1/chat/attachments/{fileId}"), nf);
        await Expect("b sent file", bapi.GetAsync($"/api/v1/chat/attachments/{fileId}"), ok);
        var qrId = (await (await api.PostAsJsonAsync("/api/v1/chat/quick-replies", new { title = Evil, body = Evil })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Expect("s quick reply put", sapi.PutAsJsonAsync($"/api/v1/chat/quick-replies/{qrId}", new { title = "t", body = "b" }), nf);
        await Expect("s quick reply delete", sapi.DeleteAsync($"/api/v1/chat/quick-replies/{qrId}"), nf);
        await Expect("unblock nobody", sapi.DeleteAsync($"/api/v1/chat/blocks/{Guid.NewGuid()}"), nf);

        var team = await SupportKit.TeamAsync(app);
        var other = await SupportKit.TeamAsync(app);
        var agent = await SupportKit.AgentAsync(app, team);
        var outsider = await SupportKit.AgentAsync(app, other);
        using var oapi = await app.ApiAsync(outsider);
        using var agentApi = await app.ApiAsync(agent);
        var sc = await SupportKit.StartedAsync(api, team.Id, "tolong");
        await Expect("o get", oapi.GetAsync($"/api/v1/conversations/{sc}"), nf);
        await Expect("o send", SendAsync(oapi, sc, "x"), nf);
        await Expect("o pickup", oapi.PostAsync($"/api/v1/support-chats/{sc}/pickup", null), nf);
        await Expect("o close", oapi.PostAsync($"/api/v1/support-chats/{sc}/close", null), nf);
        await Expect("o ticket", oapi.PostAsJsonAsync($"/api/v1/support-chats/{sc}/ticket", new { subject = "x" }), nf);
        await Expect("customer pickup", api.PostAsync($"/api/v1/support-chats/{sc}/pickup", null), forbidden);
        await Expect("customer close", api.PostAsync($"/api/v1/support-chats/{sc}/close", null), forbidden);
        await Expect("agent ticket bad", agentApi.PostAsJsonAsync($"/api/v1/support-chats/{sc}/ticket", new { requestTypeId = Guid.NewGuid(), subject = "", priority = "zzz" }), bad);
        await Expect("agent report (not a member)", agentApi.PostAsJsonAsync($"/api/v1/conversations/{sc}/report", new { reason = "x" }), nf);

        await using var shub = await app.ConnectHubAsync(s);
        await using var bhub = await app.ConnectHubAsync(b);
        var typings = 0;
        bhub.On<JsonElement>("chat:typing", _ => Interlocked.Increment(ref typings));
        if (!await bhub.InvokeAsync<bool>("JoinConversation", id)) fails.Add("member could not join");
        if (await shub.InvokeAsync<bool>("JoinConversation", id)) fails.Add("stranger joined a conversation");
        if (await shub.InvokeAsync<bool>("MarkRead", id, 1L)) fails.Add("stranger moved a read mark");
        if (await shub.InvokeAsync<bool>("MarkDelivered", id, 1L)) fails.Add("stranger moved a delivered mark");
        if (await shub.InvokeAsync<bool>("JoinSupportQueue")) fails.Add("customer joined the support queue");
        await shub.InvokeAsync("ChatTyping", id);
        await using var ohub = await app.ConnectHubAsync(outsider);
        if (await ohub.InvokeAsync<bool>("JoinConversation", sc)) fails.Add("other team's agent joined a support chat");
        await Task.Delay(300);
        if (typings > 0) fails.Add("a stranger's typing reached the conversation");

        Assert.True(fails.Count == 0, string.Join("\n", fails));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Markup_in_names_messages_replies_and_reports_never_reaches_a_page_as_markup(Db db)
    {
        var app = await apps.Get(db);
        var (a, b) = (await app.CreateUserAsync(), await app.CreateUserAsync());
        await Rename(app, a.Id, Evil + "A");
        using var api = await app.ApiAsync(a);
        using var apiB = await app.ApiAsync(b);
        var id = await StartAsync(api, b);
        await SentAsync(api, id, Evil + " **b** _i_ `c` http://x.test/\"onmouseover=1 " + Evil);
        await api.PostAsJsonAsync("/api/v1/chat/quick-replies", new { title = Evil, body = Evil });
        Assert.Equal(HttpStatusCode.Created, (await apiB.PostAsJsonAsync($"/api/v1/conversations/{id}/report", new { reason = Evil })).StatusCode);
        var team = await SupportKit.TeamAsync(app);
        var agent = await SupportKit.AgentAsync(app, team);
        await Rename(app, agent.Id, Evil + "G");
        var sc = await SupportKit.StartedAsync(apiB, team.Id, "tolong");
        using var agentApi = await app.ApiAsync(agent);
        Assert.Equal(HttpStatusCode.OK, (await agentApi.PostAsync($"/api/v1/support-chats/{sc}/pickup", null)).StatusCode);

        var pa = await app.SignInAsync(a);
        var pb = await app.SignInAsync(b);
        var pAdmin = await app.SignInAsync(await app.CreateUserAsync(Roles.Admin));
        var pAgent = await app.SignInAsync(agent);
        var pages = new (PageClient Who, string Url)[]
        {
            (pb, $"/chat/{id}"), (pb, "/chat?q=img"), (pb, "/chat?q=%3Cimg"), (pb, "/chat?handler=List"), (pb, $"/chat/{sc}"), (pb, "/chat"),
            (pb, $"/people/{a.Id}"), (pa, $"/chat/{id}"), (pa, "/chat/quick-replies"), (pAdmin, "/admin/chat/reports"), (pAdmin, "/notifications"),
            (pAgent, "/helpdesk/chats"), (pAgent, $"/chat/{sc}"),
        };
        foreach (var (who, url) in pages)
        {
            var page = await who.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("<img src=x", page.Html);
        }
        foreach (var m in (await MessagesAsync(apiB, id)).Concat(await MessagesAsync(apiB, sc)))
        {
            var html = m.GetProperty("html").GetString()!;
            Assert.DoesNotContain("<img", html);
            Assert.DoesNotContain("\"onmouseover", html);
        }
    }

    private static MultipartFormDataContent Upload() => new() { { new ByteArrayContent("hello"u8.ToArray()), "file", "a.txt" } };

    private static Task<int> Rename(LapakApp app, Guid id, string name) => app.WithDbAsync(async d =>
    {
        (await d.Users.FindAsync(id))!.FullName = name;
        return await d.SaveChangesAsync();
    });
}
