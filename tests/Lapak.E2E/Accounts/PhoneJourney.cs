using System.Net;
using System.Text.RegularExpressions;

namespace Lapak.E2E.Accounts;

[Collection(BrowserFixture.Name)]
public sealed class PhoneJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Fact]
    public Task On_a_375_px_phone_a_customer_signs_in_opens_the_collapsed_menu_switches_language_and_reads_a_live_notification_without_sideways_scrolling() =>
        browser.RunAsync(nameof(PhoneJourney), Device.Phone, async page =>
        {
            var user = await App.CreateUserAsync();
            // Every page checked with AssertAccessibleAsync is also checked not to scroll sideways at 375 px.

            await page.GotoAsync("/");
            await browser.AssertAccessibleAsync(page, "home");

            await page.GotoAsync("/account/login");
            await browser.AssertAccessibleAsync(page, "login");
            await browser.SignInAsync(page, user.Email, user.Password);
            await browser.AssertAccessibleAsync(page, "home-signed-in");

            // The navbar collapses behind the toggler; the bell and the account menu stay in reach.
            var toggler = page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Open menu") });
            await Expect(toggler).ToBeVisibleAsync();
            await Expect(page.Locator("#main-nav")).ToBeHiddenAsync();
            await Expect(page.Locator("#bell")).ToBeVisibleAsync();
            await toggler.ClickAsync();
            await Expect(toggler).ToHaveAttributeAsync("aria-expanded", "true");
            await Expect(page.Locator("#main-nav")).ToHaveClassAsync(new Regex("\\bshow\\b"));
            await Expect(page.Locator("#main-nav").GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true })).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync(page, "menu-open");

            await browser.SwitchLanguageAsync(page, "en");
            await Expect(page.Locator("#main-nav")).ToBeHiddenAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Open menu", Exact = true })).ToBeVisibleAsync();

            // A notification arrives live and the bell's list fits on the screen.
            await Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
            await page.EvaluateAsync("() => { window.__marker = 1; }");
            using (var api = await App.ApiAsync(user))
                Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync("/api/v1/me/notifications/test", null)).StatusCode);
            await Expect(page.Locator("#bell-count")).ToBeVisibleAsync();
            await Expect(page.Locator("#bell-count")).ToContainTextAsync("1");

            await Expect(page.Locator("#toasts .toast")).ToContainTextAsync("Test notification");

            await page.Locator("#bell").ClickAsync();
            var menu = page.Locator(".bell-menu");
            await Expect(menu).ToBeVisibleAsync();
            await Expect(page.Locator("#bell-list").GetByRole(AriaRole.Link).First).ToContainTextAsync("Test notification");
            var box = await menu.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= BrowserFixture.PhoneWidth,
                $"The notification list spans {box.X}..{box.X + box.Width} px, outside the {BrowserFixture.PhoneWidth} px screen.");
            Assert.True(await page.EvaluateAsync<bool>("() => window.__marker === 1"), "The page was reloaded; the notification should arrive live.");
            await browser.AssertAccessibleAsync(page, "bell-open");
        });
}
