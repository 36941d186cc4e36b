using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapak.Tests.Features.Chat.Analytics.AnalyticsKit;

namespace Lapak.Tests.Features.Chat.Analytics;

/// <summary>
/// A seller answered by hand-set timestamps: Budi's chat (2 days ago) — seller replies after 600 s, Budi after 30 s, seller
/// after 120 s; Citra's chat (3 days ago) — seller replies after 1800 s; Dodi's chat (4 days ago) — never answered.
/// Seller's replies [600, 120, 1800] → median 600 s = "within an hour"; response rate 2 of 3 = 67 %; first responses
/// [600, 1800] → median 1200, p90 600 + 0.9·1200 = 1680; the seller's gaps (since the message before, anyone's) [560, 120, 1800]
/// → median 560, mean 826.7, p90 560 + 0.8·1240 = 1552.
/// </summary>
[Collection(Apps.Name)]
public sealed class ChatAnalyticsTests(Apps apps)
{
    private sealed record World(TestUser Seller, TestUser Budi, TestUser Stranger, Guid BudiChat);

    private static async Task<World> BuildAsync(LapakApp app)
    {
        var seller = await app.CreateUserAsync(Roles.Seller);
        var (budi, citra, dodi, stranger) = (await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync());
        var now = DateTime.UtcNow;
        var budiChat = await InsertAsync(app, now.AddDays(-2), [budi.Id, seller.Id],
            [new(budi.Id, 0), new(budi.Id, 40), new(seller.Id, 600), new(budi.Id, 630), new(seller.Id, 750)]);
        await InsertAsync(app, now.AddDays(-3), [citra.Id, seller.Id], [new(citra.Id, 0), new(seller.Id, 1800)]);
        await InsertAsync(app, now.AddDays(-4), [dodi.Id, seller.Id], [new(dodi.Id, 0), new(dodi.Id, 5)]);
        return new World(seller, budi, stranger, budiChat);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_users_first_response_gaps_and_response_rate_match_the_hand_computed_figures(Db db)
    {
        var app = await apps.Get(db);
        var w = await BuildAsync(app);
        ChatFigures figures = null!;
        await app.WithScopeAsync(async sp => figures = await sp.GetRequiredService<ChatAnalytics>()
            .FiguresAsync(ChatScope.ForUser(w.Seller.Id), DateTime.UtcNow.AddDays(-7), DateTime.UtcNow));

        Assert.Equal(new DurationStats(2, 1200, 1200, 1680), figures.FirstResponse);
        Assert.Equal(new DurationStats(3, 826.7, 560, 1552), figures.BetweenMessages);
        Assert.Equal(3, figures.Messages);
        Assert.Equal(3, figures.Conversations);
        Assert.Equal(new ResponseRate(3, 2), figures.ResponseRate);
        Assert.Equal(67, figures.ResponseRate!.Percent);
        Assert.Equal(1, figures.FirstResponseBuckets.Single(b => b.Key == "5-15m").Count);
        Assert.Equal(1, figures.FirstResponseBuckets.Single(b => b.Key == "15-60m").Count);

        using var api = await app.ApiAsync(w.Stranger);
        var person = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{w.Seller.Id}");
        Assert.Equal(600, person.GetProperty("replyMedianSeconds").GetInt32());
        Assert.Equal("hour", person.GetProperty("replyBand").GetString());
        Assert.Equal(67, person.GetProperty("responseRatePercent").GetInt32());
        Assert.True(person.GetProperty("isSeller").GetBoolean());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_profile_says_how_fast_someone_usually_replies_in_the_readers_language(Db db)
    {
        var app = await apps.Get(db);
        var w = await BuildAsync(app);

        using var indonesian = await app.SignInAsync(w.Stranger);
        var page = await indonesian.GetAsync($"/people/{w.Seller.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Biasanya membalas dalam satu jam", page.Text);
        Assert.Contains("Tingkat respons 67%", page.Text);
        Assert.Contains("Penjual", page.Text);
        Assert.Contains("action=\"/chat/start\"", page.Html);
        Assert.Contains($"name=\"UserId\" value=\"{w.Seller.Id}\"", page.Html);
        Assert.Contains("__RequestVerificationToken", page.Html);

        var reader = await app.CreateUserAsync();
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == reader.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "en")));
        using var english = await app.SignInAsync(reader);
        page = await english.GetAsync($"/people/{w.Seller.Id}");
        Assert.Contains("Usually replies within an hour", page.Text);
        Assert.Contains("Response rate 67%", page.Text);

        // Budi has one reply only (30 s): too few to say; and this is him.
        using var budi = await app.SignInAsync(w.Budi);
        page = await budi.GetAsync($"/people/{w.Budi.Id}");
        Assert.DoesNotContain("Biasanya membalas", page.Text);
        Assert.Contains("Ini kamu", page.Text);
        Assert.DoesNotContain("action=\"/chat/start\"", page.Html);
        Assert.Contains("href=\"/profile\"", page.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Inactive_users_have_no_profile(Db db)
    {
        var app = await apps.Get(db);
        var gone = await app.CreateUserAsync(Roles.Seller);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == gone.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        var viewer = await app.CreateUserAsync();
        using var pages = await app.SignInAsync(viewer);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/people/{gone.Id}")).Status);
        using var api = await app.ApiAsync(viewer);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/people/{gone.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Pages().GetAsync($"/people/{viewer.Id}")).Status); // signed out: to the login
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Conversation_analytics_are_for_its_members_only(Db db)
    {
        var app = await apps.Get(db);
        var w = await BuildAsync(app);
        using var budi = await app.ApiAsync(w.Budi);
        var c = await budi.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{w.BudiChat}/analytics");
        Assert.Equal(600, c.GetProperty("firstResponseSeconds").GetInt32());
        Assert.Equal(w.Seller.Id, c.GetProperty("firstResponderId").GetGuid());
        Assert.Equal(5, c.GetProperty("messages").GetInt32());
        Assert.Equal(80, c.GetProperty("medianBetweenMessagesSeconds").GetDouble()); // gaps [40, 560, 30, 120]: (40 + 120) / 2
        Assert.Equal(187.5, c.GetProperty("meanBetweenMessagesSeconds").GetDouble());
        var members = c.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("userId").GetGuid());
        Assert.Equal(3, members[w.Budi.Id].GetProperty("messages").GetInt32());
        Assert.Equal(2, members[w.Seller.Id].GetProperty("messages").GetInt32());
        Assert.Equal(2, members[w.Seller.Id].GetProperty("replies").GetInt32());

        using var stranger = await app.ApiAsync(w.Stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/conversations/{w.BudiChat}/analytics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/conversations/{Guid.NewGuid()}/analytics")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_admin_report_lists_support_agents_and_is_closed_to_others(Db db)
    {
        var app = await apps.Get(db);
        var agent = await app.CreateUserAsync(Roles.Agent);
        var customer = await app.CreateUserAsync();
        var team = await app.WithDbAsync(async db =>
        {
            var t = new Team { Name = "Chat analytics " + Guid.NewGuid().ToString("N")[..6], CreatedAt = DateTime.UtcNow };
            db.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });
        // Agent answers after 300 s, the customer 20 s later, the agent 60 s after that: replies [300, 60], first response 300.
        await InsertAsync(app, DateTime.UtcNow.AddDays(-1), [customer.Id, agent.Id],
            [new(customer.Id, 0), new(agent.Id, 300), new(customer.Id, 320), new(agent.Id, 380)], teamId: team, customerId: customer.Id);

        ChatFigures figures = null!;
        await app.WithScopeAsync(async sp => figures = await sp.GetRequiredService<ChatAnalytics>()
            .FiguresAsync(ChatScope.ForTeam(team), DateTime.UtcNow.AddDays(-7), DateTime.UtcNow));
        Assert.Equal(1, figures.Conversations);
        Assert.Equal(300, figures.FirstResponse.Median);
        Assert.Equal(100, figures.ResponseRate!.Percent);

        using var admin = await app.ApiAsync(await app.CreateUserAsync(Roles.Admin));
        var report = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/chat/analytics");
        Assert.True(report.GetProperty("overview").GetProperty("conversations").GetInt32() >= 1);
        var row = report.GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agentId").GetGuid() == agent.Id);
        Assert.Equal(2, row.GetProperty("replies").GetInt32());
        Assert.Equal(180, row.GetProperty("medianReplySeconds").GetDouble());
        Assert.Equal(1, row.GetProperty("firstResponses").GetInt32());
        Assert.Equal(300, row.GetProperty("medianFirstResponseSeconds").GetDouble());

        var csv = await admin.GetAsync("/api/v1/admin/chat/analytics?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains($"{agent.FullName},2,180,1,300", text);

        using var supervisor = await app.ApiAsync(await app.CreateUserAsync(Roles.Supervisor));
        var theirs = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/admin/chat/analytics");
        Assert.Equal(JsonValueKind.Null, theirs.GetProperty("overview").ValueKind);
        Assert.Contains(theirs.GetProperty("agents").EnumerateArray(), a => a.GetProperty("agentId").GetGuid() == agent.Id);

        using var adminPage = await app.SignInAsync(await app.CreateUserAsync(Roles.Admin));
        var page = await adminPage.GetAsync("/admin/chat/analytics");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(agent.FullName, page.Text);
        Assert.Contains("Waktu respons pertama", page.Text);

        using var customerApi = await app.ApiAsync(customer);
        Assert.Equal(HttpStatusCode.Forbidden, (await customerApi.GetAsync("/api/v1/admin/chat/analytics")).StatusCode);
        using var customerPages = await app.SignInAsync(customer);
        var denied = await customerPages.GetAsync("/admin/chat/analytics");
        Assert.Equal(HttpStatusCode.Redirect, denied.Status);
        Assert.Contains("access-denied", denied.Location);
    }
}
