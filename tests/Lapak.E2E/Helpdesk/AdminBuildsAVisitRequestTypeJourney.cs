using Lapak.Tests.Features.Helpdesk;
using System.Text.RegularExpressions;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Lapak.E2E.Helpdesk;

/// <summary>
/// Seed 002's data-center visit, end to end: an admin builds a request type with a visit window and a visitors list,
/// a customer on a 375 px phone opens one for two visitors, and an agent finds it by filtering the team list by type.
/// </summary>
[Collection(BrowserFixture.Name)]
public sealed class AdminBuildsAVisitRequestTypeJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Fact]
    public async Task An_admin_creates_a_visit_type_a_customer_opens_it_for_two_visitors_and_an_agent_filters_the_list_by_it()
    {
        var admin = await App.CreateUserAsync(Roles.Admin);
        var customer = await App.CreateUserAsync(Roles.Customer);
        var agent = await WorkspaceKit.AgentInTeamAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..5];
        var nameId = $"Kunjungan DC {tag}";
        var subject = $"Kunjungan pemeliharaan rak {tag}";

        await browser.RunAsync(nameof(AdminBuildsAVisitRequestTypeJourney) + "-admin", Device.Desktop, async page =>
        {
            await browser.SignInAsync(page, admin.Email, admin.Password);
            var menu = page.GetByRole(AriaRole.Navigation, new() { NameRegex = browser.Either("Main menu") });
            await menu.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Manage helpdesk") }).ClickAsync();
            await menu.GetByRole(AriaRole.Link, new() { NameRegex = browser.Either("Helpdesk dashboard") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(browser.Either("Helpdesk dashboard"));
            await browser.AssertAccessibleAsync(page, "desktop-helpdesk-dashboard");

            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { NameRegex = browser.Contains("Request types") }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/helpdesk/admin/request-types$"));
            await browser.AssertAccessibleAsync(page, "desktop-request-types");
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { NameRegex = browser.Contains("New request type") }).First.ClickAsync();

            await page.GetByLabel(browser.Contains("Name (Indonesian)")).FillAsync(nameId);
            await page.GetByLabel(browser.Contains("Name (English)")).FillAsync($"DC visit {tag}");
            await page.GetByLabel(browser.Either("Team that receives it")).SelectOptionAsync(new SelectOptionValue { Label = "Customer Service" });
            var addField = page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Contains("Add field") });
            await BrowserFixture.SubmitAsync(page, addField);
            await page.Locator("#field-0-key").FillAsync("window");
            await page.Locator("#field-0-kind").SelectOptionAsync("DateTimeWindow");
            await page.Locator("#field-0-lid").FillAsync("Jadwal kunjungan");
            await page.Locator("#field-0-len").FillAsync("Visit window");
            await page.Locator("#field-0-req").CheckAsync();
            await BrowserFixture.SubmitAsync(page, addField);
            await page.Locator("#field-1-key").FillAsync("visitors");
            await page.Locator("#field-1-kind").SelectOptionAsync("List");
            await page.Locator("#field-1-lid").FillAsync("Pengunjung");
            await page.Locator("#field-1-len").FillAsync("Visitors");
            await page.Locator("#field-1-req").CheckAsync();
            foreach (var (j, key, id, en) in new[] { (0, "name", "Nama", "Name"), (1, "id_number", "Nomor identitas", "ID number") })
            {
                await BrowserFixture.SubmitAsync(page, page.Locator("button[value='add-item:1']"));
                await page.Locator($"#field-1-item-{j}-key").FillAsync(key);
                await page.Locator($"#field-1-item-{j}-lid").FillAsync(id);
                await page.Locator($"#field-1-item-{j}-len").FillAsync(en);
                await page.Locator($"#field-1-item-{j}-req").CheckAsync();
            }
            // Only the settings of each kind show: no options box for the window.
            await Expect(page.Locator("#field-0-opt")).ToBeHiddenAsync();
            await browser.AssertAccessibleAsync(page, "desktop-request-type-editor");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Contains("Save") }).Last);
            await Expect(page.Locator(".alert-success")).ToContainTextAsync(new Regex(Regex.Escape($"DC visit {tag}")));
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(nameId);
        });

        await browser.RunAsync(nameof(AdminBuildsAVisitRequestTypeJourney) + "-customer", Device.Phone, async page =>
        {
            await browser.SignInAsync(page, customer.Email, customer.Password);
            await page.GotoAsync("/helpdesk/new");
            await page.GetByRole(AriaRole.Radio, new() { Name = nameId }).CheckAsync();
            await page.GetByLabel(browser.Contains("Ticket subject")).FillAsync(subject);
            await page.GetByLabel(browser.Contains("Description")).FillAsync("Pemeliharaan rak A3 dan penggantian PDU.");
            await page.Locator("input[name='Parts.window.start']:visible").FillAsync("2026-12-01T09:00");
            await page.Locator("input[name='Parts.window.end']:visible").FillAsync("2026-12-01T12:00");
            await page.Locator("input[name='Parts.visitors.0.name']:visible").FillAsync("Budi Santoso");
            await page.Locator("input[name='Parts.visitors.0.id_number']:visible").FillAsync("3171234567890001");
            await page.Locator("[data-add-row]:visible").ClickAsync();
            await page.Locator("input[name='Parts.visitors.1.name']:visible").FillAsync("Siti Aminah");
            await page.Locator("input[name='Parts.visitors.1.id_number']:visible").FillAsync("3171234567890002");
            await browser.AssertAccessibleAsync(page, "phone-new-visit-ticket");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Send") }));

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(subject);
            var rows = page.Locator("table.field-rows tbody tr");
            await Expect(rows).ToHaveCountAsync(2);
            await Expect(rows.Nth(1)).ToContainTextAsync("Siti Aminah");
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(new Regex(@"1 Des 2026 09[.:]00 – 12[.:]00 WIB"));
            await browser.AssertAccessibleAsync(page, "phone-visit-ticket");
        });

        var code = await App.WithDbAsync(d => d.Set<Ticket>().Where(t => t.Subject == subject).Select(t => t.Code).SingleAsync());
        await browser.RunAsync(nameof(AdminBuildsAVisitRequestTypeJourney) + "-agent", Device.Desktop, async page =>
        {
            await browser.SignInAsync(page, agent.Email, agent.Password);
            await page.GotoAsync("/helpdesk/team");
            await page.GetByLabel(browser.Either("Type")).SelectOptionAsync(new SelectOptionValue { Label = nameId });
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Search") }));
            await Expect(page).ToHaveURLAsync(new Regex("type="));
            var links = page.GetByRole(AriaRole.Main).Locator("a[href^='/helpdesk/tickets/']");
            await Expect(links).ToHaveCountAsync(1);
            await Expect(links.First).ToHaveTextAsync($"{code[..4]}-{code[4..]}");
            await browser.AssertAccessibleAsync(page, "desktop-team-tickets-filtered");
        });
    }
}
