using System.Net;

namespace Lapak.E2E.Realtime;

/// <summary>Lapak behind a load balancer: two instances share the database and a Redis backplane.</summary>
[Collection(BrowserFixture.Name)]
public sealed class SeveralInstancesJourney(BrowserFixture browser)
{
    [Fact]
    public async Task A_notification_raised_on_one_instance_lights_the_bell_of_a_browser_connected_to_the_other()
    {
        var redis = new Dictionary<string, string?>
        {
            ["Realtime:Redis"] = TestServices.Redis,
            ["Realtime:ChannelPrefix"] = "lapak-e2e-" + Guid.NewGuid().ToString("N")[..8],
        };
        await using var a = await LapakApp.StartAsync(Db.Sqlite, redis);
        // B delivers nothing itself: the push can only travel from A through Redis.
        await using var b = await LapakApp.StartSiblingAsync(a, new Dictionary<string, string?>(redis) { ["Notifications:Outbox:Enabled"] = "false" });
        var user = await a.CreateUserAsync();

        await browser.RunAsync(nameof(SeveralInstancesJourney), Device.Desktop, async page =>
        {
            await page.GotoAsync("/account/login");
            await browser.SignInAsync(page, user.Email, user.Password);
            await Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
            await page.EvaluateAsync("() => { window.__marker = 1; }");

            using (var apiOnA = await a.ApiAsync(user))
                Assert.Equal(HttpStatusCode.Accepted, (await apiOnA.PostAsync("/api/v1/me/notifications/test", null)).StatusCode);

            await Expect(page.Locator("#bell-count")).ToBeVisibleAsync();
            await Expect(page.Locator("#bell-count")).ToContainTextAsync("1");
            Assert.True(await page.EvaluateAsync<bool>("() => window.__marker === 1"), "The page was reloaded; the notification should arrive live.");
            Assert.StartsWith(b.BaseAddress.ToString(), page.Url);
        }, app: b);
    }
}
