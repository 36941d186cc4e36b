using Lapak.Tests.Features.Helpdesk;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Microsoft.EntityFrameworkCore;

namespace Lapak.E2E.Helpdesk;

/// <summary>On a 375 px phone: a supervisor deletes a ticket (the reason is asked for first); an organization's manager reads a colleague's ticket.</summary>
[Collection(BrowserFixture.Name)]
public sealed class SupervisorDeletesAndManagerReadsJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Fact]
    public async Task A_supervisor_deletes_a_ticket_with_a_reason_and_a_manager_reads_the_organizations_tickets()
    {
        var org = new Organization { Name = "PT Sekolah Maju " + Guid.NewGuid().ToString("N")[..5], CreatedAt = DateTime.UtcNow };
        await App.WithDbAsync(d => { d.Add(org); return d.SaveChangesAsync(); });
        var manager = await App.CreateUserAsync(Roles.Customer);
        var colleague = await App.CreateUserAsync(Roles.Customer);
        await App.WithDbAsync(async d =>
        {
            foreach (var u in await d.Users.Where(u => u.Id == manager.Id || u.Id == colleague.Id).ToListAsync()) u.OrganizationId = org.Id;
            (await d.Users.SingleAsync(u => u.Id == manager.Id)).IsOrganizationManager = true;
            return await d.SaveChangesAsync();
        });
        var kept = await OpenTicketAsync(colleague, "Proyektor kelas 3 mati");
        var spam = await OpenTicketAsync(colleague, "Promo pulsa murah!!!");
        var supervisor = await App.CreateUserAsync(Roles.Supervisor);

        await browser.RunAsync(nameof(SupervisorDeletesAndManagerReadsJourney) + "-supervisor", Device.Phone, async page =>
        {
            await browser.SignInAsync(page, supervisor.Email, supervisor.Password);
            await page.GotoAsync($"/helpdesk/tickets/{spam}");
            await browser.AssertAccessibleAsync(page, "phone-ticket-with-delete");
            var delete = page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Delete ticket") });
            await page.GetByRole(AriaRole.Textbox, new() { NameRegex = browser.Either("Reason") }).FillAsync(" ");
            await page.EvaluateAsync("() => document.getElementById('delete-reason').removeAttribute('required')");
            await BrowserFixture.SubmitAsync(page, delete);
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(browser.Contains("Say why the ticket is deleted."));
            await browser.AssertAccessibleAsync(page, "phone-delete-ticket-error");

            await page.GetByRole(AriaRole.Textbox, new() { NameRegex = browser.Either("Reason") }).FillAsync("Spam promosi, bukan permintaan bantuan");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Delete ticket") }));
            await Expect(page).ToHaveURLAsync(new Regex("/helpdesk/team$"));
            await Expect(page.Locator(".alert-success")).ToContainTextAsync($"{spam[..4]}-{spam[4..]}");
            await page.GotoAsync($"/helpdesk/tickets/{spam}");
            await Expect(page.Locator(".error-page")).ToBeVisibleAsync();
        });

        await browser.RunAsync(nameof(SupervisorDeletesAndManagerReadsJourney) + "-manager", Device.Phone, async page =>
        {
            await browser.SignInAsync(page, manager.Email, manager.Password);
            await page.GotoAsync("/helpdesk");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = browser.Either("My organization") }).ClickAsync();
            var link = page.GetByRole(AriaRole.Link, new() { Name = $"{kept[..4]}-{kept[4..]}", Exact = true });
            await Expect(link).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync($"{spam[..4]}-{spam[4..]}");
            await browser.AssertAccessibleAsync(page, "phone-my-organization-tickets");
            await link.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Proyektor kelas 3 mati");
            await browser.AssertAccessibleAsync(page, "phone-manager-reads-ticket");
        });
    }

    private Task<string> OpenTicketAsync(TestUser customer, string subject) =>
        WorkspaceKit.OpenTicketAsync(App, customer, subject, "Mohon dibantu secepatnya.");
}
