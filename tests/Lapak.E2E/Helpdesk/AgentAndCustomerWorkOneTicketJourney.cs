using Lapak.Tests.Features.Helpdesk;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Microsoft.EntityFrameworkCore;

namespace Lapak.E2E.Helpdesk;

/// <summary>
/// One ticket, two people: an agent of Customer Service answers it on a desktop with a public reply and an
/// internal note and resolves it; the customer, on a 375 px phone, reads the answer (never the note), replies,
/// and the ticket is open again.
/// </summary>
[Collection(BrowserFixture.Name)]
public sealed class AgentAndCustomerWorkOneTicketJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Fact]
    public async Task An_agent_answers_notes_and_resolves_a_ticket_and_the_customer_sees_the_answer_but_not_the_note_and_reopens_it()
    {
        var customer = await App.CreateUserAsync(Roles.Customer);
        var agent = await WorkspaceKit.AgentInTeamAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var subject = $"Internet putus sejak pagi {tag}";
        var code = await OpenTicketAsync(customer, subject);
        var shown = $"{code[..4]}-{code[4..]}";
        var reply = $"Halo, gangguan di area Anda sudah kami perbaiki ({tag}).";
        var note = $"ODP Melati sempat mati, sudah diganti teknisi ({tag}).";
        var answer = $"Sekarang sudah normal lagi, tapi tadi sempat putus ({tag}).";

        await browser.RunAsync(nameof(AgentAndCustomerWorkOneTicketJourney) + "-agent", Device.Desktop, async page =>
        {
            await browser.SignInAsync(page, agent.Email, agent.Password);
            await page.GetByRole(AriaRole.Navigation, new() { NameRegex = browser.Either("Main menu") })
                .GetByRole(AriaRole.Link, new() { NameRegex = browser.Either("Team tickets") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(browser.Either("Team tickets"));
            await browser.AssertAccessibleAsync(page, "desktop-team-tickets");

            // The code as a customer reads it out on the phone.
            await page.GetByRole(AriaRole.Searchbox, new() { NameRegex = browser.Either("Search") }).FillAsync(shown.ToLowerInvariant());
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Search") }));
            await page.GetByRole(AriaRole.Link, new() { Name = shown, Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/helpdesk/tickets/{code}$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(subject);
            await browser.AssertAccessibleAsync(page, "desktop-ticket-agent");

            var send = page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Send") });
            await Expect(page.GetByRole(AriaRole.Radio, new() { NameRegex = browser.Contains("Public reply") })).ToBeCheckedAsync();
            await page.GetByLabel(browser.Either("Message")).FillAsync(reply);
            await BrowserFixture.SubmitAsync(page, send);
            await Expect(page.Locator(".alert-success")).ToContainTextAsync(browser.Contains("Your reply has been sent to the customer."));
            await Expect(page.Locator(".ticket-message.from-staff")).ToContainTextAsync(reply);

            await page.GetByRole(AriaRole.Radio, new() { NameRegex = browser.Contains("Internal note") }).CheckAsync();
            await page.GetByLabel(browser.Either("Message")).FillAsync(note);
            await BrowserFixture.SubmitAsync(page, send);
            var internalNote = page.Locator(".ticket-message.internal-note");
            await Expect(internalNote).ToContainTextAsync(note);
            await Expect(internalNote).ToContainTextAsync(browser.Contains("Internal note — not visible to the customer"));

            await page.GetByLabel(browser.Either("New status")).SelectOptionAsync("Resolved");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Change status") }));
            await Expect(page.Locator("#ticket-status")).ToContainTextAsync(browser.Contains("Resolved"));
            await browser.AssertAccessibleAsync(page, "desktop-ticket-agent-resolved");
        });

        await browser.RunAsync(nameof(AgentAndCustomerWorkOneTicketJourney) + "-customer", Device.Phone, async page =>
        {
            await browser.SignInAsync(page, customer.Email, customer.Password);
            await page.GotoAsync($"/helpdesk/tickets/{code}");
            var main = page.GetByRole(AriaRole.Main);
            await Expect(page.Locator("#ticket-status")).ToContainTextAsync(browser.Contains("Resolved"));
            await Expect(main).ToContainTextAsync(reply);
            await Expect(main).Not.ToContainTextAsync(note);
            await Expect(main).Not.ToContainTextAsync(browser.Contains("Internal note"));
            // No "public reply / internal note" choice for the customer (the rating's stars are radios too).
            await Expect(page.GetByRole(AriaRole.Radio, new() { NameRegex = browser.Contains("Internal note") })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Radio, new() { NameRegex = browser.Contains("Public reply") })).ToHaveCountAsync(0);
            await Expect(page.Locator("#reopen-hint")).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync(page, "phone-ticket-customer-resolved");

            await page.GetByLabel(browser.Either("Message")).FillAsync(answer);
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Send reply") }));
            await Expect(page.Locator(".alert-success")).ToContainTextAsync(browser.Contains("Your reply has been sent."));
            await Expect(page.Locator("#ticket-status")).ToContainTextAsync(browser.Contains("Open"));
            await Expect(main).ToContainTextAsync(answer);
            await Expect(page.Locator("#reopen-hint")).ToHaveCountAsync(0);
            await Expect(main).Not.ToContainTextAsync(note);
            await browser.AssertAccessibleAsync(page, "phone-ticket-customer-reopened");
        });
    }

    [Fact]
    public async Task On_a_375_px_phone_the_team_list_and_the_agents_ticket_page_read_without_sideways_scrolling()
    {
        var customer = await App.CreateUserAsync(Roles.Customer);
        var supervisor = await App.CreateUserAsync(Roles.Supervisor);
        var code = await OpenTicketAsync(customer, "Tagihan bulan November tercatat dua kali padahal sudah dibayar lunas");

        await browser.RunAsync(nameof(AgentAndCustomerWorkOneTicketJourney) + "-phone", Device.Phone, async page =>
        {
            await browser.SignInAsync(page, supervisor.Email, supervisor.Password);
            await page.GotoAsync("/helpdesk/team");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{code[..4]}-{code[4..]}", Exact = true })).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync(page, "phone-team-tickets");

            await page.GotoAsync("/helpdesk/team?q=zzzz-nothing");
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(browser.Contains("No tickets match."));
            await browser.AssertAccessibleAsync(page, "phone-team-tickets-empty");

            await page.GotoAsync($"/helpdesk/tickets/{code}");
            await Expect(page.GetByRole(AriaRole.Radio, new() { NameRegex = browser.Contains("Internal note") })).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync(page, "phone-ticket-staff");
        });
    }

    private Task<string> OpenTicketAsync(TestUser customer, string subject) =>
        WorkspaceKit.OpenTicketAsync(App, customer, subject, "Lampu LOS di modem menyala merah sejak jam tujuh pagi.");
}
