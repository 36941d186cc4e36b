using System.Net;
using System.Text.RegularExpressions;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.E2E.Accounts;

[Collection(BrowserFixture.Name)]
public sealed class NewCustomerJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Fact]
    public Task A_visitor_registers_confirms_the_e_mail_signs_in_chooses_English_for_good_and_sees_a_notification_arrive_live() =>
        browser.RunAsync(nameof(NewCustomerJourney), Device.Desktop, async page =>
        {
            var email = $"dewi-{Guid.NewGuid():N}@test.lapak";
            const string password = "Kopi#Gayo2026";

            // A guest sees Lapak in Bahasa Indonesia.
            await page.GotoAsync("/");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
            await browser.AssertAccessibleAsync(page, "home");

            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { NameRegex = browser.Either("Create an account") }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/account/register$"));
            await browser.AssertAccessibleAsync(page, "register");

            await page.Locator("#Input_FullName").FillAsync("Dewi Lestari");
            await page.Locator("#Input_Email").FillAsync(email);
            await page.Locator("#Input_PhoneNumber").FillAsync("0812 3456 7890");
            await page.Locator("#Input_Password").FillAsync(password);
            await page.Locator("#Input_ConfirmPassword").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Create account") }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/account/register-confirmation\\?email="));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(email);
            await browser.AssertAccessibleAsync(page, "register-confirmation");

            // The link in the mail that really arrived confirms the address.
            var mail = await App.Mail.WaitForAsync(email);
            await page.GotoAsync(mail.Link("/account/confirm-email").PathAndQuery);
            await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = browser.Either("Your e-mail address is confirmed") })).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync(page, "confirm-email");

            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { NameRegex = browser.Either("Sign in") }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
            await browser.AssertAccessibleAsync(page, "login");

            await browser.SignInAsync(page, email, password);
            await Expect(page).ToHaveURLAsync(new Regex("/$"));
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Dewi Lestari");
            await browser.AssertAccessibleAsync(page, "home-signed-in");

            // English, chosen once, belongs to the account: it survives signing out and a browser without cookies.
            await browser.SwitchLanguageAsync(page, "en");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Home", Exact = true })).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync(page, "home-signed-in-en");

            await page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Contains("Account menu") }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Sign out") }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?notice=signed-out"));
            await page.Context.ClearCookiesAsync();
            await page.ReloadAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");

            await browser.SignInAsync(page, email, password);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
            var user = await App.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
            Assert.Equal("en", user.PreferredLanguage);

            // A notification raised elsewhere reaches the open page over the live connection, without a reload.
            await Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
            await Expect(page.Locator("#bell-count")).ToBeHiddenAsync();
            await page.EvaluateAsync("() => { window.__marker = 1; }");
            using (var api = await App.ApiAsync(new TestUser(user.Id, email, password, user.FullName)))
            {
                var sent = await api.PostAsync("/api/v1/me/notifications/test", null);
                Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
            }
            await Expect(page.Locator("#bell-count")).ToBeVisibleAsync();
            await Expect(page.Locator("#bell-count")).ToContainTextAsync("1");
            await Expect(page.Locator("#bell")).ToHaveAttributeAsync("data-unread", "1");

            await Expect(page.Locator("#toasts .toast")).ToContainTextAsync("Test notification");

            await page.Locator("#bell").ClickAsync();
            var latest = page.Locator("#bell-list").GetByRole(AriaRole.Link).First;
            await Expect(latest).ToBeVisibleAsync();
            await Expect(latest).ToContainTextAsync("Test notification");
            Assert.True(await page.EvaluateAsync<bool>("() => window.__marker === 1"), "The page was reloaded; the notification should arrive live.");
            await browser.AssertAccessibleAsync(page, "home-bell-open");

            // The notifications page is built separately; visit it once it exists.
            var list = await page.GotoAsync("/notifications");
            if (list?.Status != (int)HttpStatusCode.NotFound)
            {
                Assert.Equal((int)HttpStatusCode.OK, list?.Status);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Test notification");
                await browser.AssertAccessibleAsync(page, "notifications");
            }
        });
}
