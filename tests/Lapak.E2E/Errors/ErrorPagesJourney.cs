using System.Net;
using System.Text.RegularExpressions;

namespace Lapak.E2E.Errors;

[Collection(BrowserFixture.Name)]
public sealed class ErrorPagesJourney(BrowserFixture browser)
{
    [Fact]
    public Task An_unknown_address_shows_the_friendly_not_found_page_in_Indonesian_and_in_English_after_switching() =>
        browser.RunAsync(nameof(ErrorPagesJourney), Device.Desktop, async page =>
        {
            const string unknown = "/pasar/kopi-yang-tidak-ada?warna=hijau";

            var response = await page.GotoAsync(unknown);
            Assert.Equal((int)HttpStatusCode.NotFound, response?.Status);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(browser.Indonesian("Page not found"));
            await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = browser.Indonesian("Back to the home page") })).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync(page, "not-found-id");

            // Switching language comes back to the address that was asked for, still a 404, now in English.
            var again = page.WaitForResponseAsync(r => r.Url.EndsWith(unknown, StringComparison.Ordinal) && r.Request.Method == "GET");
            await browser.SwitchLanguageAsync(page, "en");
            Assert.Equal((int)HttpStatusCode.NotFound, (await again).Status);
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(unknown) + "$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
            await browser.AssertAccessibleAsync(page, "not-found-en");

            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Back to the home page" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/$"));
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        });
}
