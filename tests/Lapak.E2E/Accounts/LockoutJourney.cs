using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Lapak.E2E.Accounts;

[Collection(BrowserFixture.Name)]
public sealed class LockoutJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Fact]
    public Task Five_wrong_passwords_lock_the_account_the_page_says_so_and_even_the_right_password_is_refused_while_locked() =>
        browser.RunAsync(nameof(LockoutJourney), Device.Desktop, async page =>
        {
            var user = await App.CreateUserAsync();
            var wrong = browser.Contains("The e-mail address or password is wrong.");
            var locked = browser.Contains("Too many wrong passwords. Your account is locked for 15 minutes; try again later or reset your password.");

            await page.GotoAsync("/account/login");
            for (var attempt = 1; attempt <= 4; attempt++)
            {
                await browser.SubmitLoginAsync(page, user.Email, $"Salah#{attempt}xyz");
                await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(wrong);
            }

            await browser.SubmitLoginAsync(page, user.Email, "Salah#5xyz");
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(locked);
            await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = browser.Either("Forgot your password?") })).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync(page, "login-locked");

            await browser.SubmitLoginAsync(page, user.Email, user.Password);
            await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(locked);
            await Expect(page.Locator("body")).ToHaveAttributeAsync("data-signed-in", "false");

            var lockoutEnd = await App.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
            Assert.NotNull(lockoutEnd);
            Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10), $"Locked only until {lockoutEnd:O}.");
        });
}
