using System.Text.RegularExpressions;
using Lapak.Tests.Features.Helpdesk;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Lapak.E2E.Chat;

/// <summary>
/// A customer on a phone writes to Customer Service; an agent of the team sees the chat arrive in the support
/// queue without reloading, picks it up and answers, and the answer reaches the phone live. The agent turns the chat
/// into a ticket: the customer sees "Ticket {code}" in the chat and opens the ticket, which carries the transcript.
/// </summary>
[Collection(BrowserFixture.Name)]
public sealed class SupportChatBecomesATicketJourney(BrowserFixture browser)
{
    private LapakApp App => browser.App;

    [Fact]
    public async Task A_support_chat_is_queued_live_picked_up_answered_and_turned_into_a_ticket_with_the_transcript()
    {
        var customer = await App.CreateUserAsync(Roles.Customer);
        var agent = await WorkspaceKit.AgentInTeamAsync(App);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var type = await RequestTypeWithoutFieldsAsync(tag);
        var question = $"Paket saya belum sampai sejak Senin, resi JNT{tag}";
        var answer = $"Halo, saya cek dulu ke kurir ya ({tag}).";

        await browser.RunTogetherAsync(nameof(SupportChatBecomesATicketJourney), Device.Phone, Device.Desktop, async (phone, desk) =>
        {
            await browser.SignInAsync(phone, customer.Email, customer.Password);
            await browser.SignInAsync(desk, agent.Email, agent.Password);

            await desk.GotoAsync("/helpdesk/chats");
            await Expect(desk.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
            await browser.AssertAccessibleAsync(desk, "desktop-support-queue");
            await desk.EvaluateAsync("() => { window.__sameDocument = true; }");

            await phone.GotoAsync("/chat/support");
            await browser.AssertAccessibleAsync(phone, "phone-support-start");
            var team = phone.GetByLabel(browser.Either("Team"));
            await Expect(team.Locator("option:checked")).ToHaveTextAsync(WorkspaceKit.CustomerService);
            await phone.GetByLabel(browser.Either("Your message")).FillAsync(question);
            await BrowserFixture.SubmitAsync(phone, phone.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Start the chat") }));
            await Expect(phone).ToHaveURLAsync(new Regex(@"/chat/[0-9a-f-]{36}$"));
            await Expect(phone.Locator(".chat-msg.mine")).ToContainTextAsync(question);
            await Expect(phone.Locator(".support-actions")).ToContainTextAsync(browser.Contains("Waiting for an agent"));
            await Expect(phone.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
            await phone.EvaluateAsync("() => { window.__sameDocument = true; }");

            // The queue shows the new chat without a reload.
            var waiting = desk.Locator(".support-queue > li").Filter(new() { HasText = question });
            await Expect(waiting).ToContainTextAsync(customer.FullName);
            Assert.True(await desk.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The queue page reloaded.");
            await browser.AssertAccessibleAsync(desk, "desktop-support-queue-waiting");

            await BrowserFixture.SubmitAsync(desk, waiting.GetByRole(AriaRole.Button, new() { NameRegex = browser.Contains("Pick up") }));
            await Expect(desk).ToHaveURLAsync(new Regex(@"/chat/[0-9a-f-]{36}$"));
            await Expect(desk.Locator(".chat-msg.theirs")).ToContainTextAsync(question);
            await Expect(desk.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
            await Expect(phone.Locator(".chat-msg.system")).ToContainTextAsync(agent.FullName);
            await Expect(phone.Locator(".support-actions")).ToContainTextAsync(browser.Contains("With an agent"));

            await desk.Locator("#chat-body").FillAsync(answer);
            await desk.Locator("#chat-body").PressAsync("Enter");
            await Expect(phone.Locator(".chat-msg.theirs")).ToContainTextAsync(answer);
            await Expect(phone.Locator(".chat-msg.theirs .chat-sender")).ToHaveTextAsync(agent.FullName);
            await browser.AssertAccessibleAsync(phone, "phone-support-chat-answered");
            await browser.AssertAccessibleAsync(desk, "desktop-support-chat");

            // The agent turns the chat into a ticket.
            await desk.Locator(".support-ticket summary").ClickAsync();
            var form = desk.Locator(".support-ticket-form");
            await form.GetByLabel(browser.Either("Request type")).SelectOptionAsync(type.ToString());
            await Expect(form.GetByLabel(browser.Either("Ticket subject"))).ToHaveValueAsync(new Regex(Regex.Escape("Paket saya belum sampai")));
            await browser.AssertAccessibleAsync(desk, "desktop-support-ticket-form");
            await BrowserFixture.SubmitAsync(desk, form.GetByRole(AriaRole.Button, new() { NameRegex = browser.Either("Open the ticket") }));
            var code = await App.WithDbAsync(d => d.Set<Conversation>().Where(c => c.CustomerId == customer.Id).Select(c => c.TicketCode).SingleAsync());
            Assert.NotNull(code);
            var shown = TicketCode.Display(code);
            await Expect(desk.Locator(".support-ticket-badge")).ToContainTextAsync(shown);

            // The customer's page learns it live: the system message and the badge linking to the ticket.
            await Expect(phone.Locator(".chat-msg.system").Filter(new() { HasText = shown })).ToHaveCountAsync(1);
            var badge = phone.Locator(".support-ticket-badge");
            await Expect(badge).ToContainTextAsync(string.Format(browser.Indonesian("Ticket {0}"), shown));
            await Expect(phone.Locator(".support-actions")).ToContainTextAsync(browser.Contains("Closed"));
            Assert.True(await phone.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The customer's chat reloaded.");
            var title = await phone.Locator("#chat-title").BoundingBoxAsync();
            var actions = await phone.Locator(".support-actions").BoundingBoxAsync();
            Assert.True(title is not null && actions is not null
                && (actions.Y >= title.Y + title.Height || actions.X >= title.X + title.Width),
                "On the phone the support badges overlap the conversation's title.");
            await browser.AssertAccessibleAsync(phone, "phone-support-chat-ticket");

            await badge.ClickAsync();
            await Expect(phone).ToHaveURLAsync(new Regex($"/helpdesk/tickets/{code}$"));
            var transcript = phone.GetByRole(AriaRole.Main).Locator(".attachment-list").GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"chat-\d{4}-\d{2}-\d{2}\.txt") });
            await Expect(transcript).ToHaveCountAsync(1);
            var download = await phone.Context.APIRequest.GetAsync(await transcript.GetAttributeAsync("href") ?? "");
            Assert.True(download.Ok, $"The transcript answered {download.Status}.");
            var text = await download.TextAsync();
            Assert.Contains(question, text, StringComparison.Ordinal);
            Assert.Contains(answer, text, StringComparison.Ordinal);
            await browser.AssertAccessibleAsync(phone, "phone-ticket-from-chat");
        });
    }

    /// <summary>A request type Customer Service receives that asks nothing beyond subject and description.</summary>
    private async Task<Guid> RequestTypeWithoutFieldsAsync(string tag)
    {
        var type = new RequestType { NameId = "Pengiriman terlambat " + tag, NameEn = "Late delivery " + tag, CreatedAt = DateTime.UtcNow };
        await App.WithDbAsync(async d =>
        {
            type.DefaultTeamId = await d.Set<Team>().Where(t => t.Name == WorkspaceKit.CustomerService).Select(t => t.Id).SingleAsync();
            d.Add(type);
            return await d.SaveChangesAsync();
        });
        return type.Id;
    }
}
