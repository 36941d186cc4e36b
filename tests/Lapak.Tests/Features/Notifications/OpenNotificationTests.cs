using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Tests.Features.Accounts.Account;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Notifications;

/// <summary>/notifications/open/{id}, and that nobody reads or marks another user's notifications.</summary>
[Collection(Apps.Name)]
public sealed class OpenNotificationTests(Apps apps)
{
    private static Task<DateTime?> ReadAtOf(LapakApp app, Guid id) =>
        app.WithDbAsync(d => d.Set<Notification>().Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task Opening_my_notification_marks_it_read_and_follows_its_link(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var ids = await NotificationListTests.AddAsync(app, user, ("L", false, "/profile/tokens?from=bell"), ("N", false, null), ("X", false, "https://evil.example/"));
        var pages = await app.SignInAsync(user);

        var withLink = await pages.GetAsync($"/notifications/open/{ids[0]}");
        Assert.Equal(HttpStatusCode.Redirect, withLink.Status);
        Assert.Equal("/profile/tokens?from=bell", withLink.Location);
        Assert.NotNull(await ReadAtOf(app, ids[0]));

        Assert.Equal("/notifications", (await pages.GetAsync($"/notifications/open/{ids[1]}")).Location);
        Assert.Equal("/notifications", (await pages.GetAsync($"/notifications/open/{ids[2]}")).Location); // never an outside site
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Another_user_cannot_open_or_mark_my_notification_on_the_pages(Db db)
    {
        var app = await apps.Get(db);
        var alice = await app.CreateUserAsync();
        var bob = await app.CreateUserAsync();
        var ids = await NotificationListTests.AddAsync(app, alice, ("ALICE-SECRET", false, "/profile"));
        var bobPages = await app.SignInAsync(bob);

        var open = await bobPages.GetAsync($"/notifications/open/{ids[0]}");
        Assert.Equal(HttpStatusCode.NotFound, open.Status);
        Assert.Contains("error-page", open.Html); // the friendly 404 page
        Assert.DoesNotContain("ALICE-SECRET", open.Text);

        var mark = await bobPages.PostFormAsync("/notifications?handler=Read", new() { ["id"] = ids[0].ToString() }, formUrl: "/notifications");
        Assert.Equal(HttpStatusCode.NotFound, mark.Status);

        await bobPages.PostFormAsync("/notifications?handler=ReadAll", new(), formUrl: "/notifications");
        Assert.DoesNotContain("ALICE-SECRET", (await bobPages.GetAsync("/notifications")).Text);
        Assert.Null(await ReadAtOf(app, ids[0]));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Another_user_cannot_read_or_mark_my_notification_through_the_api(Db db)
    {
        var app = await apps.Get(db);
        var alice = await app.CreateUserAsync();
        var bob = await app.CreateUserAsync();
        var ids = await NotificationListTests.AddAsync(app, alice, ("ALICE-SECRET", false, null));
        using var bobApi = await app.ApiAsync(bob);

        var list = await bobApi.GetStringAsync("/api/v1/me/notifications");
        Assert.DoesNotContain("ALICE-SECRET", list);
        Assert.DoesNotContain(ids[0].ToString(), list);
        await AuthApiTests.AssertProblem(await bobApi.PostAsync($"/api/v1/me/notifications/{ids[0]}/read", null), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await bobApi.PostAsync("/api/v1/me/notifications/read-all", null)).StatusCode);

        Assert.Null(await ReadAtOf(app, ids[0]));
        using var aliceApi = await app.ApiAsync(alice);
        var mine = await aliceApi.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        Assert.Equal(1, mine.GetProperty("unread").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await aliceApi.PostAsync($"/api/v1/me/notifications/{ids[0]}/read", null)).StatusCode);
        Assert.NotNull(await ReadAtOf(app, ids[0]));
    }
}
