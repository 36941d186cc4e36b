using Lapak.Tests.Features.Helpdesk;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Microsoft.EntityFrameworkCore;

namespace Lapak.E2E.Helpdesk;

/// <summary>
/// A customer on a 375 px phone and an agent on a desktop have the same ticket open at the same time. Neither
/// reloads: the agent's reply appears on the phone, the customer's typing shows on the desktop as "… is replying",
/// the customer's reply appears on the desktop, and the agent's status change shows on the phone.
/// </summary>
[Collection(BrowserFixture.Name)]
public sealed class CustomerAndAgentWorkOneTicketLiveJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Fact]
    public async Task Replies_typing_and_status_changes_appear_on_the_other_persons_page_without_reloading()
    {
        var customer = await App.CreateUserAsync(Roles.Customer);
        var agent = await WorkspaceKit.AgentInTeamAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var code = await OpenTicketAsync(customer, $"Wifi lambat tiap malam {tag}");
        var reply = $"Halo, kami sedang cek jaringan di area Anda ({tag}).";
        var answer = $"Baik, saya tunggu kabarnya ({tag}).";

        await browser.RunTogetherAsync(nameof(CustomerAndAgentWorkOneTicketLiveJourney), Device.Phone, Device.Desktop, async (phone, desk) =>
        {
            await browser.SignInAsync(phone, customer.Email, customer.Password);
            await browser.SignInAsync(desk, agent.Email, agent.Password);
            await phone.GotoAsync($"/helpdesk/tickets/{code}");
            await desk.GotoAsync($"/helpdesk/tickets/{code}");
            foreach (var page in new[] { phone, desk })
            {
                await Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
                // Marks this document: still there at the end means nobody reloaded.
                await page.EvaluateAsync("() => { window.__sameDocument = true; }");
            }
            var phoneMain = phone.GetByRole(AriaRole.Main);
            var deskMain = desk.GetByRole(AriaRole.Main);

            // The agent starts typing: the customer learns that an agent is replying.
            await desk.GetByLabel(browser.Either("Message")).FillAsync("Halo");
            await Expect(phone.Locator("#ticket-typing")).ToContainTextAsync(browser.Contains("An agent is replying…"));

            await desk.GetByLabel(browser.Either("Message")).FillAsync(reply);
            await BrowserFixture.SubmitAsync(desk, desk.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Send") }));
            await Expect(phoneMain.Locator(".ticket-message.from-staff")).ToContainTextAsync(reply);
            await Expect(phone.Locator("#ticket-typing")).ToBeEmptyAsync();
            await browser.AssertAccessibleAsync(phone, "phone-ticket-live-reply");

            // The customer types: the agent sees who is replying.
            await desk.EvaluateAsync("() => { window.__sameDocument = true; }"); // the agent's own post loaded a new page
            await phone.GetByLabel(browser.Either("Message")).FillAsync("Baik");
            var replying = string.Format(browser.Indonesian("{0} is replying…"), customer.FullName);
            await Expect(desk.Locator("#ticket-typing")).ToContainTextAsync(replying);
            await browser.AssertAccessibleAsync(desk, "desktop-ticket-live-typing");

            await phone.GetByLabel(browser.Either("Message")).FillAsync(answer);
            await BrowserFixture.SubmitAsync(phone, phone.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Send reply") }));
            await Expect(deskMain.Locator(".ticket-message.from-customer").Last).ToContainTextAsync(answer);
            Assert.True(await desk.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The agent's page reloaded.");

            // The agent asks the customer for more: the phone shows the new status live.
            await phone.EvaluateAsync("() => { window.__sameDocument = true; }");
            await desk.GetByLabel(browser.Either("New status")).SelectOptionAsync("PendingCustomer");
            await BrowserFixture.SubmitAsync(desk, desk.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Change status") }));
            await Expect(phone.Locator("#ticket-status")).ToContainTextAsync(browser.Contains("Waiting for customer"));
            await Expect(phoneMain.Locator(".ticket-history")).ToContainTextAsync(browser.Contains("Waiting for customer"));
            Assert.True(await phone.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The customer's page reloaded.");
            await browser.AssertAccessibleAsync(phone, "phone-ticket-live-status");
            await browser.AssertAccessibleAsync(desk, "desktop-ticket-live-status");
        });
    }

    [Fact]
    public async Task A_supervisor_reassigns_with_a_reason_edits_the_ticket_and_turns_on_round_robin_on_pages_that_pass_axe()
    {
        var customer = await App.CreateUserAsync(Roles.Customer);
        var supervisor = await App.CreateUserAsync(Roles.Supervisor);
        var agent = await App.CreateUserAsync(Roles.Agent);
        var teamName = "Tim Gangguan " + Guid.NewGuid().ToString("N")[..6];
        await App.WithDbAsync(async d =>
        {
            var team = new Team { Name = teamName, CreatedAt = DateTime.UtcNow };
            d.Add(team);
            d.Add(new TeamMember { TeamId = team.Id, UserId = supervisor.Id, IsSupervisor = true });
            var cs = await d.Set<Team>().Where(t => t.Name == "Customer Service").Select(t => t.Id).SingleAsync();
            d.Add(new TeamMember { TeamId = cs, UserId = agent.Id });
            return await d.SaveChangesAsync();
        });
        var code = await OpenTicketAsync(customer, "Tagihan November dobel");

        await browser.RunAsync(nameof(CustomerAndAgentWorkOneTicketLiveJourney) + "-supervisor", Device.Phone, async page =>
        {
            await browser.SignInAsync(page, supervisor.Email, supervisor.Password);
            await page.GotoAsync($"/helpdesk/tickets/{code}");
            var card = page.Locator("#ticket-assignment");
            await BrowserFixture.SubmitAsync(page, card.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Assign to me") }));
            await Expect(page.Locator(".alert-success")).ToContainTextAsync(browser.Contains("The ticket is now yours."));

            // Giving it to someone else without saying why: the assignment page asks for the reason.
            await card.Locator("summary").ClickAsync();
            await card.GetByLabel(browser.Either("Assignee")).SelectOptionAsync(agent.Id.ToString());
            await BrowserFixture.SubmitAsync(page, card.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Save assignment") }));
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(browser.Contains("Say why the ticket is reassigned."));
            await browser.AssertAccessibleAsync(page, "phone-ticket-assign-error");
            await page.GetByLabel(browser.Either("Reason")).FillAsync("Agus lebih paham soal tagihan");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Save assignment") }));
            await Expect(page.Locator(".ticket-history")).ToContainTextAsync("Agus lebih paham soal tagihan");
            await browser.AssertAccessibleAsync(page, "phone-ticket-reassigned");

            await page.GetByRole(AriaRole.Link, new() { NameRegex = browser.Either("Edit ticket") }).ClickAsync();
            await page.GetByLabel(browser.Either("Priority")).SelectOptionAsync("Urgent");
            await page.GetByLabel(browser.Either("Subject")).FillAsync("Ta");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Save changes") }));
            await browser.AssertAccessibleAsync(page, "phone-ticket-edit-error");
            await page.GetByLabel(browser.Either("Subject")).FillAsync("Tagihan November tercatat dua kali");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Save changes") }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tagihan November tercatat dua kali");

            await page.GotoAsync("/helpdesk/team/settings");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Contains("Turn round-robin on") }));
            await Expect(page.Locator(".alert-success")).ToContainTextAsync(teamName);
            await browser.AssertAccessibleAsync(page, "phone-team-settings");
        });
    }

    private Task<string> OpenTicketAsync(TestUser customer, string subject) =>
        WorkspaceKit.OpenTicketAsync(App, customer, subject, "Mulai jam delapan malam internet melambat.");
}
