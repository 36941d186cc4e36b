using Lapak.Tests.Features.Helpdesk;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Tickets;

namespace Lapak.E2E.Helpdesk;

/// <summary>
/// Seed 001's outage, end to end: an agent marks a customer's ticket as a public incident; two other customers, one on
/// a phone and one on a desktop, watch /status, see it appear without reloading and say "this affects me" with their
/// tickets; the agent's update reaches both pages live; resolving the incident resolves every linked ticket, and the
/// customers' tickets show Resolved. /status passes axe on both devices.
/// </summary>
[Collection(BrowserFixture.Name)]
public sealed class IncidentJourneyTests(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Fact]
    public async Task An_incident_reaches_two_customers_live_and_resolving_it_resolves_their_tickets()
    {
        var reporter = await App.CreateUserAsync(Roles.Customer);
        var first = await App.CreateUserAsync(Roles.Customer);
        var second = await App.CreateUserAsync(Roles.Customer);
        var agent = await WorkspaceKit.AgentInTeamAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var title = $"Internet mati di Bekasi Timur {tag}";
        var source = await WorkspaceKit.OpenTicketAsync(App, reporter, title, "Sejak jam 7 pagi tidak ada koneksi sama sekali.");
        var firstCode = await WorkspaceKit.OpenTicketAsync(App, first, $"Koneksi putus {tag}");
        var secondCode = await WorkspaceKit.OpenTicketAsync(App, second, $"Wifi tidak bisa dipakai {tag}");
        var update = $"Teknisi sudah menemukan kabel yang putus ({tag}).";

        await browser.RunTogetherAsync(nameof(IncidentJourneyTests), Device.Phone, Device.Desktop, async (phone, desk) =>
        {
            await browser.SignInAsync(phone, first.Email, first.Password);
            await browser.SignInAsync(desk, second.Email, second.Password);
            foreach (var page in new[] { phone, desk }) await WatchStatusAsync(page);

            await browser.RunAsync(nameof(IncidentJourneyTests) + "-agent", Device.Desktop, async agentPage =>
            {
                // The agent marks the reporter's ticket as a public incident.
                await browser.SignInAsync(agentPage, agent.Email, agent.Password);
                await agentPage.GotoAsync($"/helpdesk/tickets/{source}");
                await agentPage.GetByRole(AriaRole.Link, new() { NameRegex = browser.Either("Mark as public incident") }).ClickAsync();
                await Expect(agentPage.GetByLabel(browser.Contains("Title"))).ToHaveValueAsync(title);
                await agentPage.GetByLabel(browser.Contains("Affected area")).FillAsync("Kota Bekasi");
                await browser.AssertAccessibleAsync(agentPage, "desktop-incident-new");
                await BrowserFixture.SubmitAsync(agentPage, agentPage.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Publish the incident") }));
                await Expect(agentPage.Locator(".alert-success")).ToContainTextAsync(title);

                // Both customers see it appear, with the technician, without reloading, and attach their tickets.
                foreach (var (page, code) in new[] { (phone, firstCode), (desk, secondCode) })
                {
                    var card = Card(page, title);
                    await Expect(card).ToContainTextAsync(agent.FullName);
                    await AssertSameDocumentAsync(page);
                    await card.GetByLabel(browser.Either("Your ticket about it (optional)")).SelectOptionAsync(code);
                    await BrowserFixture.SubmitAsync(page, card.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("This affects me") }));
                    await Expect(Card(page, title)).ToContainTextAsync(TicketCode.Display(code));
                    await WatchStatusAsync(page);
                }
                await browser.AssertAccessibleAsync(phone, "phone-status-attached");
                await browser.AssertAccessibleAsync(desk, "desktop-status-attached");

                // The agent's update reaches both pages live.
                await agentPage.Locator("#Update_State").SelectOptionAsync("Identified");
                await agentPage.GetByLabel(browser.Contains("Message to customers")).FillAsync(update);
                await BrowserFixture.SubmitAsync(agentPage, agentPage.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Publish the update") }));
                foreach (var page in new[] { phone, desk })
                {
                    await Expect(Card(page, title)).ToContainTextAsync(update);
                    await Expect(Card(page, title)).ToContainTextAsync(browser.Contains("Identified"));
                    await AssertSameDocumentAsync(page);
                }

                // Resolving offers the three linked tickets, all checked; the agent resolves them.
                await agentPage.Locator("#Update_State").SelectOptionAsync("Resolved");
                await agentPage.GetByLabel(browser.Contains("Message to customers")).FillAsync("Kabel sudah disambung, layanan normal kembali.");
                await BrowserFixture.SubmitAsync(agentPage, agentPage.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Publish the update") }));
                var linked = agentPage.Locator("#linked-tickets");
                await Expect(linked.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(3);
                foreach (var box in await linked.GetByRole(AriaRole.Checkbox).AllAsync()) await Expect(box).ToBeCheckedAsync();
                await browser.AssertAccessibleAsync(agentPage, "desktop-incident-resolve-linked");
                await BrowserFixture.SubmitAsync(agentPage, linked.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Resolve the chosen tickets") }));
                await Expect(agentPage.Locator(".alert-success")).ToContainTextAsync("3");
            });

            // The resolved incident moved to "resolved in the last 7 days" live; the customers' tickets are resolved.
            foreach (var (page, code) in new[] { (phone, firstCode), (desk, secondCode) })
            {
                await Expect(Card(page, title)).ToContainTextAsync(browser.Contains("Resolved"));
                await AssertSameDocumentAsync(page);
                await page.GotoAsync($"/helpdesk/tickets/{code}");
                await Expect(page.Locator("#ticket-status")).ToContainTextAsync(browser.Contains("Resolved"));
                await Expect(page.Locator("#ticket-incident")).ToContainTextAsync(title);
            }
            await phone.GotoAsync("/status");
            await desk.GotoAsync("/status");
            await browser.AssertAccessibleAsync(phone, "phone-status-resolved");
            await browser.AssertAccessibleAsync(desk, "desktop-status-resolved");
        });
    }

    [Fact]
    public async Task A_visitor_reads_the_status_page_without_signing_in()
    {
        await browser.RunAsync(nameof(IncidentJourneyTests) + "-visitor", Device.Phone, async page =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = browser.Either("Service status") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(browser.Contains("Service status"));
            await Expect(page.Locator("body")).ToHaveAttributeAsync("data-status-live", "connected");
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("This affects me") })).ToHaveCountAsync(0);
            await browser.AssertAccessibleAsync(page, "phone-status-visitor");
        });
    }

    private static ILocator Card(IPage page, string title) => page.Locator("article.incident-card", new() { HasText = title });

    /// <summary>Opens /status, waits for its live connection and marks the document, so a reload later is noticed.</summary>
    private static async Task WatchStatusAsync(IPage page)
    {
        if (!page.Url.EndsWith("/status", StringComparison.Ordinal) && !page.Url.Contains("/status#", StringComparison.Ordinal))
            await page.GotoAsync("/status");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-status-live", "connected");
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
    }

    private static async Task AssertSameDocumentAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), $"{page.Url} reloaded.");
}
