using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Notifications;

/// <summary>/notifications: all my notifications, newest first, filter, paging, mark as read.</summary>
[Collection(Apps.Name)]
public sealed class NotificationListTests(Apps apps)
{
    /// <summary>Adds notifications for <paramref name="user"/>, the first one newest; each body carries its marker.</summary>
    internal static async Task<List<Guid>> AddAsync(LapakApp app, TestUser user, params (string Marker, bool Read, string? Link)[] items)
    {
        var now = DateTime.UtcNow;
        var rows = items.Select((x, i) => new Notification
        {
            UserId = user.Id, Kind = NotificationKinds.Test, Data = JsonSerializer.Serialize(new { time = x.Marker }), Link = x.Link,
            CreatedAt = now.AddMinutes(-i * 10), ReadAt = x.Read ? now : null,
        }).ToList();
        await app.WithDbAsync(async d => { d.AddRange(rows); return await d.SaveChangesAsync(); });
        return rows.Select(r => r.Id).ToList();
    }

    internal static int UnreadItems(HtmlPage page) => Regex.Matches(page.Html, "class=\"list-group-item notification-item unread\" data-id=").Count;
    internal static int Items(HtmlPage page) => Regex.Matches(page.Html, "class=\"list-group-item notification-item[^\"]*\" data-id=").Count;

    [Theory, ClassData(typeof(Databases))]
    public async Task My_notifications_are_listed_newest_first_with_the_unread_ones_highlighted(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        await AddAsync(app, user, ("MARK-NEW", false, null), ("MARK-MID", true, null), ("MARK-OLD", false, null));
        var pages = await app.SignInAsync(user);

        var page = await pages.GetAsync("/notifications");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var text = page.Text;
        Assert.True(text.IndexOf("MARK-NEW", StringComparison.Ordinal) < text.IndexOf("MARK-MID", StringComparison.Ordinal));
        Assert.True(text.IndexOf("MARK-MID", StringComparison.Ordinal) < text.IndexOf("MARK-OLD", StringComparison.Ordinal));
        Assert.Equal(3, Items(page));
        Assert.Equal(2, UnreadItems(page));
        Assert.Contains("2 belum dibaca", text);
        Assert.Contains("<time datetime=", page.Html);
        Assert.Contains("menit yang lalu", text);
        Assert.Contains("/js/notifications-page.js", page.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_unread_filter_shows_only_unread_ones_and_an_all_caught_up_state_when_none_are_left(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        await AddAsync(app, user, ("MARK-UNREAD", false, null), ("MARK-READ", true, null));
        var pages = await app.SignInAsync(user);

        var unread = await pages.GetAsync("/notifications?unread=true");
        Assert.Contains("MARK-UNREAD", unread.Text);
        Assert.DoesNotContain("MARK-READ", unread.Text);

        var marked = await pages.PostFormAsync("/notifications?handler=ReadAll&unread=true", new(), formUrl: "/notifications");
        Assert.Equal(HttpStatusCode.Redirect, marked.Status);
        var empty = await pages.FollowAsync(marked);
        Assert.Contains("Semua notifikasi sudah ditandai dibaca.", empty.Text);
        Assert.Contains("Semua sudah kamu baca.", empty.Text);
        Assert.Equal(0, Items(empty));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_new_user_sees_a_helpful_empty_state(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();

        var page = await (await app.SignInAsync(user)).GetAsync("/notifications");

        Assert.Contains("Belum ada notifikasi.", page.Text);
        Assert.Equal(0, Items(page));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Many_notifications_are_paged_twenty_at_a_time(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        await AddAsync(app, user, Enumerable.Range(1, 25).Select(i => ($"MARK-{i:00}", false, (string?)null)).ToArray());
        var pages = await app.SignInAsync(user);

        var first = await pages.GetAsync("/notifications");
        var second = await pages.GetAsync("/notifications?p=2");

        Assert.Equal(20, Items(first));
        Assert.Contains("Halaman 1 dari 2", first.Text);
        Assert.Contains("MARK-01", first.Text);
        Assert.Equal(5, Items(second));
        Assert.Contains("MARK-25", second.Text);
        Assert.DoesNotContain("MARK-01", second.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.GetAsync("/notifications?p=9")).Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Marking_one_or_all_as_read_touches_only_my_notifications(Db db)
    {
        var app = await apps.Get(db);
        var alice = await app.CreateUserAsync();
        var bob = await app.CreateUserAsync();
        var aliceIds = await AddAsync(app, alice, ("A1", false, null), ("A2", false, null));
        var bobIds = await AddAsync(app, bob, ("B1", false, null));
        var pages = await app.SignInAsync(alice);

        var one = await pages.PostFormAsync("/notifications?handler=Read", new() { ["id"] = aliceIds[1].ToString() }, formUrl: "/notifications");
        Assert.Equal(HttpStatusCode.Redirect, one.Status);
        Assert.Equal(1, UnreadItems(await pages.FollowAsync(one)));

        await pages.PostFormAsync("/notifications?handler=ReadAll", new(), formUrl: "/notifications");

        Assert.False(await app.WithDbAsync(d => d.Set<Notification>().AnyAsync(n => n.UserId == alice.Id && n.ReadAt == null)));
        Assert.Null(await app.WithDbAsync(d => d.Set<Notification>().Where(n => n.Id == bobIds[0]).Select(n => n.ReadAt).SingleAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_live_script_of_the_page_is_served(Db db)
    {
        var app = await apps.Get(db);
        var script = await app.Anonymous().GetAsync("/js/notifications-page.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("lapak:notification", await script.Content.ReadAsStringAsync());
    }
}
