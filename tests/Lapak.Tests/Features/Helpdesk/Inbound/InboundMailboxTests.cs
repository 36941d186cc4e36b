using Lapak.Web.Features.Helpdesk.Inbound;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using static Lapak.Tests.Features.Helpdesk.Inbound.InboundKit;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Inbound;

/// <summary>
/// One pass over the mailbox when mail is hostile or things break: no message may block the others, none may be
/// lost, none handled twice.
/// </summary>
public sealed class InboundMailboxTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_subject_with_nul_or_an_emoji_at_the_length_limit_is_stored_cleaned_and_the_next_mail_is_still_handled(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var customer = await app.CreateUserAsync();
        // As a mail client may send it: NUL inside encoded words and a base64 body, an emoji across the 300-character cut.
        var nul = Raw(customer.Email, app.SupportAddress!, "Tagihan\0 dobel", "Saya\0 ditagih dua kali.");
        var emoji = Raw(customer.Email, app.SupportAddress!, new string('a', 299) + "\U0001F600 sisa", "Subjek panjang.");
        var next = Mail(customer.Email, app.SupportAddress!, "Internet mati", "Sejak pagi.");

        var poll = await DeliverAsync(app, nul, emoji, next);

        Assert.Equal(3, poll.Opened);
        var entry = await EntryAsync(app, nul);
        Assert.Equal("Tagihan dobel", entry.Subject);
        var ticket = await app.WithDbAsync(d => d.Set<Ticket>().AsNoTracking().SingleAsync(t => t.Id == entry.TicketId));
        Assert.Equal("Saya ditagih dua kali.", ticket.Description);
        Assert.Equal(new string('a', 299), (await EntryAsync(app, emoji)).Subject);
        Assert.Equal(InboundOutcome.Opened, (await EntryAsync(app, next)).Outcome);
        Assert.Equal((0, 0), await ImapBox.CountAsync(app.InboundFolder!));
    }

    private static MimeKit.MimeMessage Raw(string from, string to, string subject, string body)
    {
        static string B64(string s) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(s));
        var id = MimeKit.Utils.MimeUtils.GenerateMessageId("client.x.test");
        var text = $"From: {from}\r\nTo: {to}\r\nSubject: =?utf-8?B?{B64(subject)}?=\r\nMessage-ID: <{id}>\r\nMIME-Version: 1.0\r\n"
            + $"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{B64(body)}\r\n";
        return MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(text)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Mail_that_fails_is_moved_to_the_failed_folder_with_its_reason_and_the_rest_goes_on(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db, new Dictionary<string, string?> { ["Helpdesk:Inbound:DefaultRequestType"] = "no such type" });
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var newTicket = Mail(customer.Email, app.SupportAddress!, "Tagihan dobel", "Mohon dicek.");
        var reply = Mail(customer.Email, app.SupportAddress!, $"Re: [#{TicketCode.Display(code)}] Tagihan", "Ini tambahan info.");

        var poll = await DeliverAsync(app, newTicket, reply);

        Assert.Equal((1, 1), (poll.Failed, poll.Replied));
        Assert.Equal(InboundReasons.NoRequestType, (await EntryAsync(app, newTicket)).Detail);
        Assert.Equal((0, 0), await ImapBox.CountAsync(app.InboundFolder!));
        Assert.Equal((1, 0), await ImapBox.CountAsync(app.FailedFolder!));
        Assert.Equal((1, 0), await ImapBox.CountAsync(app.ProcessedFolder!));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Mail_over_the_size_limit_is_ignored_as_too_large_without_being_read(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db, new Dictionary<string, string?> { ["Helpdesk:Inbound:MaxMessageBytes"] = "4096" });
        var customer = await app.CreateUserAsync();
        var huge = Mail(customer.Email, app.SupportAddress!, "Log lengkap", new string('x', 20_000));
        var small = Mail(customer.Email, app.SupportAddress!, "Internet mati", "Sejak pagi.");

        var poll = await DeliverAsync(app, huge, small);

        Assert.Equal((1, 1), (poll.Ignored, poll.Opened));
        var entry = await EntryAsync(app, huge);
        Assert.Equal(InboundOutcome.Ignored, entry.Outcome);
        Assert.Equal(InboundReasons.TooLarge, entry.Detail);
        Assert.Equal(customer.Email, entry.FromAddress);
        Assert.Equal("Log lengkap", entry.Subject);
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<Ticket>().CountAsync(t => t.CustomerId == customer.Id)));
        Assert.Equal((2, 0), await ImapBox.CountAsync(app.ProcessedFolder!));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_claim_left_by_a_poll_that_died_is_taken_over_after_ten_minutes_and_handled_once(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var stale = Mail(customer.Email, app.SupportAddress!, $"Re: [#{TicketCode.Display(code)}] Tagihan", "Masih belum beres.");
        var fresh = Mail(customer.Email, app.SupportAddress!, $"Re: [#{TicketCode.Display(code)}] Tagihan", "Ini sedang diproses.");
        await ClaimAsync(app, stale, TimeSpan.FromMinutes(11));
        await ClaimAsync(app, fresh, TimeSpan.FromMinutes(1));

        var poll = await DeliverAsync(app, stale, fresh);

        // The stale one is handled; the fresh one is left unread where it is, for the poll that holds it (or a later takeover).
        Assert.Equal((1, 1), (poll.Replied, poll.AlreadyHandled));
        var reply = Assert.Single(await MessagesAsync(app, code));
        Assert.Equal("Masih belum beres.", reply.Body);
        Assert.Equal(InboundOutcome.Replied, (await EntryAsync(app, stale)).Outcome);
        Assert.Equal(InboundReasons.Processing, (await EntryAsync(app, fresh)).Detail);
        Assert.Equal((1, 1), await ImapBox.CountAsync(app.InboundFolder!));

        // Handled mail is not taken over again.
        await ImapBox.AppendAsync(app.InboundFolder!, stale);
        Assert.Equal(2, (await PollAsync(app)).AlreadyHandled);
        Assert.Single(await MessagesAsync(app, code));
    }

    private static Task<int> ClaimAsync(LapakApp app, MimeKit.MimeMessage message, TimeSpan ago) => app.WithDbAsync(d =>
    {
        d.Add(new InboundEmail
        {
            MessageId = message.MessageId!, FromAddress = message.From.Mailboxes.First().Address, Subject = message.Subject ?? "",
            ReceivedAt = DateTime.UtcNow - ago, Outcome = InboundOutcome.Failed, Detail = InboundReasons.Processing,
        });
        return d.SaveChangesAsync();
    });
}
