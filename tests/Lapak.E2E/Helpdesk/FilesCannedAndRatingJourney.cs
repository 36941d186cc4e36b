using System.Text;
using System.Text.RegularExpressions;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Canned;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Lapak.E2E.Helpdesk;

/// <summary>
/// A customer opens a ticket with a PDF attached; an agent inserts a canned response (filled in for this ticket),
/// attaches a photo and resolves it; the customer, on a phone, downloads the photo and rates the help 5 with a comment.
/// </summary>
[Collection(BrowserFixture.Name)]
public sealed class FilesCannedAndRatingJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_pdf_goes_in_with_the_ticket_a_canned_answer_and_a_photo_come_back_and_the_customer_rates_five_stars()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var customer = await App.CreateUserAsync(Roles.Customer);
        var agent = await App.CreateUserAsync(Roles.Agent);
        await App.WithDbAsync(async d =>
        {
            var team = await d.Set<Team>().Where(t => t.Name == "Customer Service").Select(t => t.Id).SingleAsync();
            d.Add(new TeamMember { TeamId = team, UserId = agent.Id });
            d.Add(new CannedResponse
            {
                TeamId = team, Title = $"Gangguan selesai {tag}", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                Body = "Halo {customer_name}, tiket {ticket_code} sudah kami selesaikan. Salam, {agent_name}.",
            });
            return await d.SaveChangesAsync();
        });
        var subject = $"Tagihan dobel {tag}";
        string code = "";

        await browser.RunAsync(nameof(FilesCannedAndRatingJourney) + "-customer-opens", Device.Desktop, async page =>
        {
            await browser.SignInAsync(page, customer.Email, customer.Password);
            await page.GotoAsync("/helpdesk/new");
            await page.GetByRole(AriaRole.Radio, new() { Name = "Pertanyaan umum" }).CheckAsync();
            await page.GetByLabel(browser.Contains("Ticket subject")).FillAsync(subject);
            await page.GetByLabel(browser.Contains("Description")).FillAsync("Bukti bayar bulan November terlampir.");
            await page.GetByLabel(browser.Either("Attach files (optional)")).SetInputFilesAsync(
                new FilePayload { Name = "bukti-bayar.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await browser.AssertAccessibleAsync(page, "files-new-ticket");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Send") }));

            await Expect(page).ToHaveURLAsync(new Regex("/helpdesk/tickets/[A-Z0-9]{8}$"));
            code = new Uri(page.Url).AbsolutePath.Split('/').Last();
            await Expect(page.Locator(".attachment-list")).ToContainTextAsync("bukti-bayar.pdf");
            await browser.AssertAccessibleAsync(page, "files-ticket-customer");
        });

        await browser.RunAsync(nameof(FilesCannedAndRatingJourney) + "-agent", Device.Desktop, async page =>
        {
            await browser.SignInAsync(page, agent.Email, agent.Password);
            await page.GotoAsync($"/helpdesk/tickets/{code}");
            var canned = page.GetByLabel(browser.Either("Canned response"));
            await Expect(canned).ToBeVisibleAsync();
            await canned.SelectOptionAsync(new SelectOptionValue { Label = $"Gangguan selesai {tag}" });
            await page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Insert") }).ClickAsync();
            var message = page.GetByLabel(browser.Either("Message"));
            await Expect(message).ToHaveValueAsync($"Halo {customer.FullName}, tiket {TicketCode.Display(code)} sudah kami selesaikan. Salam, {agent.FullName}.");
            await page.GetByLabel(browser.Either("Attach files (optional)")).SetInputFilesAsync(
                new FilePayload { Name = "modem.png", MimeType = "image/png", Buffer = Png });
            await browser.AssertAccessibleAsync(page, "files-ticket-agent-canned");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Send") }));
            await Expect(page.Locator(".ticket-message.from-staff .attachment-list")).ToContainTextAsync("modem.png");

            await page.GetByLabel(browser.Either("New status")).SelectOptionAsync("Resolved");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Change status") }));
            await Expect(page.Locator("#ticket-status")).ToContainTextAsync(browser.Contains("Resolved"));
            await browser.AssertAccessibleAsync(page, "files-ticket-agent-resolved");
        });

        await browser.RunAsync(nameof(FilesCannedAndRatingJourney) + "-customer-rates", Device.Phone, async page =>
        {
            await browser.SignInAsync(page, customer.Email, customer.Password);
            await page.GotoAsync($"/helpdesk/tickets/{code}?rate=ask#rate");
            var photo = page.Locator(".ticket-message.from-staff .attachment-link");
            await Expect(photo).ToContainTextAsync("modem.png");
            var download = await page.RunAndWaitForDownloadAsync(() => photo.ClickAsync());
            Assert.Equal("modem.png", download.SuggestedFilename);

            await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = browser.Either("How did we do?") })).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync(page, "files-ticket-rate");
            await page.Locator("label[for=rate-5]").ClickAsync(); // the fifth star
            await Expect(page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^5 ") })).ToBeCheckedAsync();
            await page.GetByLabel(browser.Either("Comment (optional)")).FillAsync("Cepat dan jelas, terima kasih!");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Send rating") }));

            await Expect(page.Locator(".alert-success")).ToContainTextAsync(browser.Contains("Thank you for your rating! It helps us get better."));
            await Expect(page.Locator("#rate")).ToContainTextAsync("Cepat dan jelas, terima kasih!");
            await browser.AssertAccessibleAsync(page, "files-ticket-rated");
        });

        var rating = await App.WithDbAsync(d => (from r in d.Set<TicketRating>() join t in d.Set<Ticket>() on r.TicketId equals t.Id
                                                 where t.Code == code select r).SingleAsync());
        Assert.Equal(5, rating.Score);
        Assert.Equal(agent.Id, rating.AgentId);
    }
}
