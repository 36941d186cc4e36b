using System.Net;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Tests.Features.Accounts.Profile;

/// <summary>/profile/notifications: the channels that may reach me, and a test notification.</summary>
[Collection(Apps.Name)]
public sealed class NotificationSettingsTests(Apps apps)
{
    private static Task<(bool InApp, bool Email, bool WhatsApp)> ChannelsOf(LapakApp app, TestUser user) =>
        app.WithDbAsync(d => d.Users.Where(u => u.Id == user.Id).Select(u => new ValueTuple<bool, bool, bool>(u.NotifyInApp, u.NotifyEmail, u.NotifyWhatsApp)).SingleAsync());

    [Theory, ClassData(typeof(Databases))]
    public async Task Switching_channels_off_and_on_is_saved(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);

        // An unticked checkbox is not sent at all, as in a browser.
        var saved = await pages.PostFormAsync("/profile/notifications", new() { ["NotifyEmail"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Contains("Pengaturan notifikasi kamu sudah disimpan.", (await pages.FollowAsync(saved)).Text);
        Assert.Equal((false, true, false), await ChannelsOf(app, user));

        await pages.PostFormAsync("/profile/notifications", new() { ["NotifyInApp"] = "true" });
        Assert.Equal((true, false, false), await ChannelsOf(app, user));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task WhatsApp_is_disabled_with_an_explanation_when_the_site_has_no_WhatsApp_and_cannot_be_switched_on(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);

        var page = await pages.GetAsync("/profile/notifications");

        Assert.Matches("<input id=\"NotifyWhatsApp\"[^>]*disabled", page.Html);
        Assert.Contains("Pesan WhatsApp belum tersedia di Lapak ini.", page.Text);
        await pages.PostFormAsync("/profile/notifications", new() { ["NotifyInApp"] = "true", ["NotifyWhatsApp"] = "true" });
        Assert.False((await ChannelsOf(app, user)).WhatsApp);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task With_WhatsApp_configured_the_switch_works_once_the_user_has_a_phone_number(Db db)
    {
        await using var app = await LapakApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["WhatsApp:Enabled"] = "true", ["WhatsApp:PhoneNumberId"] = "1234", ["WhatsApp:AccessToken"] = "test",
            ["WhatsApp:ApiBaseUrl"] = "http://127.0.0.1:9", ["Notifications:Outbox:Enabled"] = "false",
        });
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);

        var withPhone = await pages.GetAsync("/profile/notifications");
        Assert.DoesNotMatch("<input [^>]*id=\"NotifyWhatsApp\"[^>]*disabled", withPhone.Html);
        Assert.Contains("081234567890", withPhone.Text);
        await pages.PostFormAsync("/profile/notifications", new() { ["NotifyInApp"] = "true", ["NotifyWhatsApp"] = "true" });
        Assert.True((await ChannelsOf(app, user)).WhatsApp);

        await pages.PostFormAsync("/profile", EditProfileTests.Details(user.FullName, "", "id"));
        var withoutPhone = await pages.GetAsync("/profile/notifications");
        Assert.Matches("<input id=\"NotifyWhatsApp\"[^>]*disabled", withoutPhone.Html);
        Assert.Contains("Tambahkan nomor HP di profil kamu", withoutPhone.Text);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_test_button_sends_me_a_test_notification_on_my_channels(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();
        var pages = await app.SignInAsync(user);

        var sent = await pages.PostFormAsync("/profile/notifications?handler=Test", new(), formUrl: "/profile/notifications");

        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Contains("Notifikasi uji coba terkirim.", (await pages.FollowAsync(sent)).Text);
        var n = await app.WithDbAsync(d => d.Set<Notification>().Include(x => x.Deliveries).SingleAsync(x => x.UserId == user.Id));
        Assert.Equal(NotificationKinds.Test, n.Kind);
        Assert.Equal([NotificationChannel.InApp, NotificationChannel.Email], n.Deliveries.Select(x => x.Channel).Order().ToArray());
    }
}
