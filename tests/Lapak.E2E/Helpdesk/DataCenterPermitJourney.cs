using System.Text.RegularExpressions;
using Lapak.Tests.Features.Helpdesk;
using Lapak.Tests.Features.Helpdesk.Permits;
using Lapak.Tests.Infrastructure;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Lapak.E2E.Helpdesk;

/// <summary>
/// Seed 002's core, end to end in the browser: a client asks for a data-center work permit on a phone, customer service
/// escalates it to the branch's supervisor, the supervisor approves, the client downloads the permit PDF, its QR code
/// leads the gate guard's phone to the verification page that says "valid", and after the supervisor revokes the
/// permit the same page says "revoked".
/// </summary>
[Collection(BrowserFixture.Name)]
public sealed class DataCenterPermitJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Fact]
    public async Task A_client_gets_a_permit_approved_downloads_it_and_the_gate_check_follows_a_revocation()
    {
        var customer = await App.CreateUserAsync();
        var agent = await WorkspaceKit.AgentInTeamAsync(App);
        var branch = await PermitKit.BranchAsync(App);
        var supervisor = await PermitKit.SupervisorOfAsync(App, branch);
        var day = PermitKit.WorkingDay();
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var subject = "Pemasangan server rak A12 " + Guid.NewGuid().ToString("N")[..5];

        await browser.RunAsync(nameof(DataCenterPermitJourney) + "-client-asks", Device.Phone, async page =>
        {
            await browser.SignInAsync(page, customer.Email, customer.Password);
            await page.GotoAsync("/helpdesk/new");
            await page.GetByRole(AriaRole.Radio, new() { Name = "Izin Kerja Data Center", Exact = false }).First.CheckAsync();
            await page.GetByLabel(browser.Contains("Ticket subject")).FillAsync(subject);
            await page.GetByLabel(browser.Contains("Description")).FillAsync("Pemasangan dua server baru dan penarikan kabel.");
            await page.Locator("select[name='Fields[branch]']:visible").SelectOptionAsync(branch.Code);
            await page.Locator("input[name='Parts.visit_window.start']:visible").FillAsync($"{date}T09:00");
            await page.Locator("input[name='Parts.visit_window.end']:visible").FillAsync($"{date}T12:00");
            await page.Locator("textarea[name='Fields[purpose]']:visible").FillAsync("Pemasangan server");
            await page.Locator("textarea[name='Fields[equipment]']:visible").FillAsync("2 server 1U, kabel UTP");
            await page.Locator("input[name='Parts.visitors.0.name']:visible").FillAsync("Andi Wijaya");
            await page.Locator("input[name='Parts.visitors.0.company']:visible").FillAsync(PermitKit.VisitorCompany);
            await page.Locator("input[name='Parts.visitors.0.id_number']:visible").FillAsync(PermitKit.FullId);
            await browser.AssertAccessibleAsync(page, "phone-new-permit-request");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Send") }));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(subject);
        });
        var code = await App.WithDbAsync(d => d.Set<Ticket>().Where(t => t.Subject == subject).Select(t => t.Code).SingleAsync());
        var ticketPage = $"/helpdesk/tickets/{code}";

        await browser.RunAsync(nameof(DataCenterPermitJourney) + "-cs-escalates", Device.Desktop, async page =>
        {
            await browser.SignInAsync(page, agent.Email, agent.Password);
            await page.GotoAsync(ticketPage);
            await page.Locator("details.escalate-details summary").ClickAsync();
            await page.Locator("#escalate-target-BranchSupervisor").CheckAsync();
            await page.Locator("#escalate-branch").SelectOptionAsync(new SelectOptionValue { Label = branch.Name });
            await page.Locator("#escalate-reason").FillAsync("Data lengkap, mohon persetujuan kunjungan.");
            await browser.AssertAccessibleAsync(page, "desktop-ticket-escalate");
            await BrowserFixture.SubmitAsync(page, page.Locator("form[data-escalate-form] button[type=submit]"));
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(browser.Contains("Awaiting approval"));
        });

        await browser.RunAsync(nameof(DataCenterPermitJourney) + "-supervisor-approves", Device.Desktop, async page =>
        {
            await browser.SignInAsync(page, supervisor.Email, supervisor.Password);
            await page.GotoAsync("/helpdesk/supervisor");
            await page.GetByRole(AriaRole.Main).Locator($"a[href='{ticketPage}']").First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(ticketPage) + "$"));
            await page.Locator("#approval-approve").CheckAsync();
            await page.Locator("#approval-comment").FillAsync("Silakan, tunjukkan KTP di pos jaga.");
            await browser.AssertAccessibleAsync(page, "desktop-ticket-approval");
            await BrowserFixture.SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Send the decision") }));
            await Expect(page.Locator("#permit-state")).ToBeVisibleAsync();
        });

        string verifyUrl = "";
        await browser.RunAsync(nameof(DataCenterPermitJourney) + "-client-downloads", Device.Phone, async page =>
        {
            await browser.SignInAsync(page, customer.Email, customer.Password);
            await page.GotoAsync(ticketPage);
            await Expect(page.Locator("#permit-state")).ToContainTextAsync(browser.Either("Not yet valid"));
            await browser.AssertAccessibleAsync(page, "phone-ticket-permit");
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#permit-download").ClickAsync());
            var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);

            var text = await PdfReader.TextAsync(pdf);
            Assert.Contains(TicketCode.Display(code), text);
            Assert.Contains(branch.Name, text);
            Assert.Contains("Andi Wijaya", text);
            Assert.Contains(PermitKit.MaskedId, text);
            Assert.DoesNotContain(PermitKit.FullId, text);
            var permitCode = await App.WithDbAsync(d => d.Set<Lapak.Web.Features.Helpdesk.Permits.Permit>()
                .Where(p => p.TicketId == d.Set<Ticket>().Single(t => t.Code == code).Id).Select(p => p.Code).SingleAsync());
            verifyUrl = Assert.Single(await PdfReader.QrCodesAsync(pdf));
            Assert.Equal($"{App.BaseAddress.ToString().TrimEnd('/')}/verify/{permitCode}", verifyUrl);
        });

        // The gate guard's phone, not signed in: the permit is real; its window is still ahead.
        await browser.RunAsync(nameof(DataCenterPermitJourney) + "-guard-checks", Device.Phone, async page =>
        {
            await page.GotoAsync(verifyUrl);
            await Expect(page.Locator("#verify-state .verify-state-name")).ToContainTextAsync(browser.Either("Not yet valid"));
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Andi Wijaya");
            await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(PermitKit.FullId);
            await browser.AssertAccessibleAsync(page, "phone-verify-permit");
        });

        // The visit day arrives (the window is moved to now rather than the clock): the guard sees "valid".
        await App.WithDbAsync(d => d.Set<Lapak.Web.Features.Helpdesk.Permits.Permit>().Where(p => verifyUrl.EndsWith("/" + p.Code))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.WindowStartUtc, DateTime.UtcNow.AddHours(-1)).SetProperty(p => p.WindowEndUtc, DateTime.UtcNow.AddHours(2))));
        await browser.RunAsync(nameof(DataCenterPermitJourney) + "-guard-admits", Device.Phone, async page =>
        {
            await page.GotoAsync(verifyUrl);
            await Expect(page.Locator("#verify-state .verify-state-name")).ToContainTextAsync(browser.Either("Valid"));
        });

        await browser.RunAsync(nameof(DataCenterPermitJourney) + "-supervisor-revokes", Device.Desktop, async page =>
        {
            await browser.SignInAsync(page, supervisor.Email, supervisor.Password);
            await page.GotoAsync(ticketPage);
            await page.Locator("details.permit-revoke summary").ClickAsync();
            await page.Locator("#permit-revoke-reason").FillAsync("Jadwal pemeliharaan listrik dimajukan.");
            await BrowserFixture.SubmitAsync(page, page.Locator("details.permit-revoke button[type=submit]"));
            await Expect(page.Locator("#permit-state")).ToContainTextAsync(browser.Either("Revoked"));
        });

        await browser.RunAsync(nameof(DataCenterPermitJourney) + "-guard-refuses", Device.Phone, async page =>
        {
            await page.GotoAsync(verifyUrl);
            await Expect(page.Locator("#verify-state .verify-state-name")).ToContainTextAsync(browser.Either("Revoked"));
        });
    }
}
