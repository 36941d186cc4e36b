using System.Text.RegularExpressions;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Inbound;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Lapak.E2E.Helpdesk;

/// <summary>
/// "My e-mail never arrived": an admin opens the inbound e-mail log, sees which mail became a ticket and why another
/// was ignored, filters the ignored ones, has the mailbox read at once and retries a failed mail, on a desktop and on a 375 px phone.
/// </summary>
[Collection(BrowserFixture.Name)]
public sealed class AdminReadsInboundMailJourney(BrowserFixture browser)
{
    [Fact]
    public Task An_admin_sees_what_became_of_each_support_mail_and_why() => JourneyAsync(Device.Desktop, "desktop");

    [Fact]
    public Task On_a_375_px_phone_the_inbound_mail_log_reads_without_sideways_scrolling() => JourneyAsync(Device.Phone, "phone");

    private async Task JourneyAsync(Device device, string name)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(Db.Sqlite);
        var admin = await app.CreateUserAsync(Roles.Admin);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var customer = $"dewi-{tag}@x.test";
        await DeliverAsync(app, Mail(customer, app.SupportAddress!, $"Modem mati {tag}", "Modem tidak menyala sejak pagi."));
        var code = await app.WithDbAsync(d => d.Set<Ticket>().Where(t => t.Source == TicketSource.Email).Select(t => t.Code).SingleAsync());
        var shown = TicketCode.Display(code);
        await DeliverAsync(app, Mail($"iseng-{tag}@x.test", app.SupportAddress!, $"Re: [#{shown}] Modem mati {tag}", "Saya ikut balas."));
        // A mail that failed while no request type was active; the types are back, so a retry will open its ticket.
        await SetTypesActiveAsync(app, false);
        await DeliverAsync(app, Mail($"budi-{tag}@x.test", app.SupportAddress!, $"Tagihan dobel {tag}", "Ditagih dua kali."));
        await SetTypesActiveAsync(app, true);

        await browser.RunAsync(nameof(AdminReadsInboundMailJourney) + "-" + name, device, async page =>
        {
            await browser.SignInAsync(page, admin.Email, admin.Password);
            await page.GotoAsync("/admin/inbound-mail");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(browser.Either("Inbound e-mail"));
            var opened = page.GetByRole(AriaRole.Row).Filter(new() { HasText = customer });
            await Expect(opened).ToContainTextAsync(browser.Contains("New ticket"));
            await Expect(opened.GetByRole(AriaRole.Link, new() { Name = shown })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"iseng-{tag}" }))
                .ToContainTextAsync(browser.Contains(InboundReasons.NotAllowed));
            await browser.AssertAccessibleAsync(page, $"{name}-inbound-mail");

            await page.GetByRole(AriaRole.Link, new() { NameRegex = Tab("Ignored") }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("outcome=Ignored"));
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = customer })).ToHaveCountAsync(0);

            await ImapBox.AppendAsync(app.InboundFolder!, Mail(customer, app.SupportAddress!, $"Modem masih mati {tag}", "Tolong dibantu."));
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Check the mailbox now") }));
            await Expect(page.Locator(".alert-success")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { NameRegex = Tab("All") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Modem masih mati {tag}" })).ToBeVisibleAsync();
            await browser.AssertAccessibleAsync(page, $"{name}-inbound-mail-checked");

            await page.GetByRole(AriaRole.Link, new() { NameRegex = Tab("Failed") }).ClickAsync();
            var failed = page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Tagihan dobel {tag}" });
            await Expect(failed).ToContainTextAsync(browser.Contains(InboundReasons.NoRequestType));
            await browser.AssertAccessibleAsync(page, $"{name}-inbound-mail-failed");
            await BrowserFixture.SubmitAsync(page, failed.GetByRole(AriaRole.Button, new() { NameRegex = browser.Contains("Retry") }));
            await Expect(page.Locator(".alert-success")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { NameRegex = Tab("New tickets") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Tagihan dobel {tag}" })).ToContainTextAsync(browser.Contains("New ticket"));
        }, app);
    }

    private static Task<int> SetTypesActiveAsync(LapakApp app, bool active) => app.WithDbAsync(d =>
        d.Set<Lapak.Web.Features.Helpdesk.RequestTypes.RequestType>().ExecuteUpdateAsync(x => x.SetProperty(t => t.IsActive, active)));

    /// <summary>An outcome tab: its name and the count beside it.</summary>
    private Regex Tab(string english) =>
        new($"^\\s*(?:{Regex.Escape(english)}|{Regex.Escape(browser.Indonesian(english))})\\s+\\d+\\s*$", RegexOptions.IgnoreCase);

    private static MimeMessage Mail(string from, string to, string subject, string body)
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("client.x.test") };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    private static async Task DeliverAsync(LapakApp app, MimeMessage message)
    {
        await ImapBox.AppendAsync(app.InboundFolder!, message);
        await app.Services.GetRequiredService<InboundMailbox>().PollOnceAsync();
    }
}
