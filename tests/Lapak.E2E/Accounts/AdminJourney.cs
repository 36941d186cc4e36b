using System.Text.RegularExpressions;
using Lapak.Web.Features.Accounts;

namespace Lapak.E2E.Accounts;

/// <summary>Seed 002's "an admin adds a CS account and watches the activity log", on a desktop and on a phone.</summary>
[Collection(BrowserFixture.Name)]
public sealed class AdminJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Fact]
    public Task An_admin_invites_a_customer_service_agent_puts_them_in_the_team_and_finds_both_in_the_activity_log() =>
        browser.RunAsync(nameof(AdminJourney), Device.Desktop, page => JourneyAsync(page, "desktop"));

    [Fact]
    public Task On_a_375_px_phone_every_admin_page_of_the_journey_reads_without_sideways_scrolling() =>
        browser.RunAsync(nameof(AdminJourney) + "-phone", Device.Phone, page => JourneyAsync(page, "phone"));

    private async Task JourneyAsync(IPage page, string device)
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var email = $"cs-{Guid.NewGuid():N}@test.lapak";
        var name = "Wulan Sari " + Guid.NewGuid().ToString("N")[..6];
        await browser.SignInAsync(page, admin.Email, admin.Password);

        await page.GotoAsync("/admin/users");
        await browser.AssertAccessibleAsync(page, $"{device}-admin-users");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = browser.Either("Add account") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/users/new$"));
        await browser.AssertAccessibleAsync(page, $"{device}-admin-new-user");

        // A mistake first: the form says what is wrong and keeps what was typed.
        await page.GetByLabel(browser.Either("Full name")).FillAsync(name);
        await page.GetByLabel(browser.Either("E-mail")).FillAsync(email);
        await page.GetByLabel(browser.Either("Customer")).UncheckAsync();
        var create = page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Create and send invitation") });
        await BrowserFixture.SubmitAsync(page, create);
        await Expect(page.GetByText(browser.Either("Choose at least one role."))).ToBeVisibleAsync();
        await Expect(page.GetByLabel(browser.Either("Full name"))).ToHaveValueAsync(name);
        await browser.AssertAccessibleAsync(page, $"{device}-admin-new-user-errors");

        await page.GetByLabel(browser.Either("Phone (WhatsApp)")).FillAsync("0812 3456 7001");
        await page.GetByLabel(browser.Either("Agent")).CheckAsync();
        await BrowserFixture.SubmitAsync(page, create);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Expect(page.GetByRole(AriaRole.Status).Or(page.Locator(".alert-success")).First).ToContainTextAsync(email);
        await browser.AssertAccessibleAsync(page, $"{device}-admin-user-details");
        await App.Mail.WaitForAsync(email); // the invitation really went out

        // Into the Customer Service team, picked by e-mail address.
        await page.GotoAsync("/admin/teams");
        await browser.AssertAccessibleAsync(page, $"{device}-admin-teams");
        await page.GetByRole(AriaRole.Link, new() { Name = "Customer Service", Exact = true }).ClickAsync();
        await page.GetByLabel(browser.Either("Add a member to this team")).FillAsync(email);
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Add") }));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await browser.AssertAccessibleAsync(page, $"{device}-admin-team");

        // The log tells who did it.
        await page.GotoAsync("/admin/activity");
        await page.GetByLabel(browser.Either("Who")).FillAsync(admin.FullName);
        await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Filter") }));
        var main = page.GetByRole(AriaRole.Main);
        await Expect(main).ToContainTextAsync(browser.Contains("Created an account and sent an invitation"));
        await Expect(main).ToContainTextAsync(browser.Contains("Added a member to a team"));
        await Expect(main).ToContainTextAsync(name);
        await browser.AssertAccessibleAsync(page, $"{device}-admin-activity");

        await page.GotoAsync("/admin/deliveries");
        await browser.AssertAccessibleAsync(page, $"{device}-admin-deliveries");
        foreach (var list in new[] { "/admin/organizations", "/admin/branches" })
        {
            await page.GotoAsync(list);
            await browser.AssertAccessibleAsync(page, $"{device}-{list.Replace('/', '-')}");
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync(page, $"{device}-{list.Replace('/', '-')}-details");
        }
    }
}
