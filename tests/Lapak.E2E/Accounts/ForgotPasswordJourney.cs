using System.Text.RegularExpressions;

namespace Lapak.E2E.Accounts;

[Collection(BrowserFixture.Name)]
public sealed class ForgotPasswordJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Fact]
    public Task A_customer_who_forgot_the_password_chooses_a_new_one_from_the_mailed_link_and_the_old_one_stops_working() =>
        browser.RunAsync(nameof(ForgotPasswordJourney), Device.Desktop, async page =>
        {
            var user = await App.CreateUserAsync();
            const string newPassword = "Toraja#Baru2026";

            await page.GotoAsync("/account/login");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = browser.Either("Forgot your password?") }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/account/forgot-password$"));
            await browser.AssertAccessibleAsync(page, "forgot-password");

            await page.Locator("#Email").FillAsync(user.Email);
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Send reset link") }));
            await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync(page, "forgot-password-sent");

            var mail = await App.Mail.WaitForAsync(user.Email, m => m.Text?.Contains("/account/reset-password", StringComparison.Ordinal) == true);
            await page.GotoAsync(mail.Link("/account/reset-password").PathAndQuery);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync(page, "reset-password");

            await page.Locator("#Password").FillAsync(newPassword);
            await page.Locator("#ConfirmPassword").FillAsync(newPassword);
            await page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Save password") }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?notice=password-reset"));
            await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync(page, "login-after-reset");

            await browser.SubmitLoginAsync(page, user.Email, user.Password);
            await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(browser.Contains("The e-mail address or password is wrong."));
            await Expect(page.Locator("body")).ToHaveAttributeAsync("data-signed-in", "false");
            await browser.AssertAccessibleAsync(page, "login-wrong-password");

            await browser.SignInAsync(page, user.Email, newPassword);
            await Expect(page).ToHaveURLAsync(new Regex("/$"));
        });
}
