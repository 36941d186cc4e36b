using Lapak.Tests.Features.Helpdesk;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Sla;
using Microsoft.EntityFrameworkCore;

namespace Lapak.E2E.Helpdesk;

/// <summary>
/// SLA in the browser: an admin opens the targets and the default calendar from the menu (desktop), tries an
/// overlapping holiday on a 375 px phone and reads which entry it clashes with; an agent on a phone sees the
/// ticket's due times counting down. Every page passes axe and none scrolls sideways on the phone.
/// </summary>
[Collection(BrowserFixture.Name)]
public sealed class AdminSetsSlaAndAgentSeesTheCountdownJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Fact]
    public async Task An_admin_reviews_targets_and_holidays_and_an_agent_sees_the_countdown_on_pages_that_pass_axe()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var agent = await WorkspaceKit.AgentInTeamAsync(App);
        var code = await WorkspaceKit.OpenTicketAsync(App, await App.CreateUserAsync());
        var calendar = await App.WithDbAsync(d => d.Set<BusinessCalendar>().Where(c => c.IsDefault).Select(c => c.Id).SingleAsync());

        await browser.RunAsync(nameof(AdminSetsSlaAndAgentSeesTheCountdownJourney) + "-admin", Device.Desktop, async page =>
        {
            await browser.SignInAsync(page, admin.Email, admin.Password);
            var menu = page.GetByRole(AriaRole.Navigation, new() { NameRegex = browser.Either("Main menu") });
            await menu.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Manage helpdesk") }).ClickAsync();
            await menu.GetByRole(AriaRole.Link, new() { NameRegex = browser.Either("SLA & business hours") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(browser.Either("SLA targets"));
            await browser.AssertAccessibleAsync(page, "desktop-sla-targets");

            await page.GetByRole(AriaRole.Link, new() { NameRegex = browser.Either("Business hours and holidays") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(browser.Either("Business hours"));
            await browser.AssertAccessibleAsync(page, "desktop-sla-calendars");
            await page.GetByRole(AriaRole.Link, new() { Name = SlaDefaults.DefaultCalendarName }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = browser.Either("Holidays") })).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync(page, "desktop-sla-calendar");
        });

        await browser.RunAsync(nameof(AdminSetsSlaAndAgentSeesTheCountdownJourney) + "-phone", Device.Phone, async page =>
        {
            await browser.SignInAsync(page, admin.Email, admin.Password);
            await page.GotoAsync($"/helpdesk/admin/calendars/{calendar}");
            await BrowserFixture.AssertNoHorizontalScrollAsync(page);
            await page.Locator("#hol-name").FillAsync("Cuti kantor");
            await page.Locator("#hol-start").FillAsync("2026-12-23");
            await page.Locator("#hol-end").FillAsync("2026-12-24");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Add holiday") }));
            await Expect(page.Locator("#hol-start-err")).ToContainTextAsync("Kelahiran Yesus Kristus");
            await BrowserFixture.AssertNoHorizontalScrollAsync(page);
            await browser.AssertAccessibleAsync(page, "phone-sla-holiday-clash");

            await page.GotoAsync("/helpdesk/admin/sla");
            await BrowserFixture.AssertNoHorizontalScrollAsync(page);
            await browser.AssertAccessibleAsync(page, "phone-sla-targets");
        });

        await browser.RunAsync(nameof(AdminSetsSlaAndAgentSeesTheCountdownJourney) + "-agent", Device.Phone, async page =>
        {
            await browser.SignInAsync(page, agent.Email, agent.Password);
            await page.GotoAsync($"/helpdesk/tickets/{code}");
            var card = page.Locator(".sla-card");
            await Expect(card.GetByRole(AriaRole.Heading, new() { Name = "SLA" })).ToBeVisibleAsync();
            await Expect(card.Locator("[data-sla-countdown]").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\d"));
            await BrowserFixture.AssertNoHorizontalScrollAsync(page);
            await browser.AssertAccessibleAsync(page, "phone-ticket-sla");

            await page.GotoAsync("/helpdesk/team/queue?sort=breach");
            await BrowserFixture.AssertNoHorizontalScrollAsync(page);
            await browser.AssertAccessibleAsync(page, "phone-queue-closest-to-breach");
        });
    }
}
