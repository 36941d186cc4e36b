using Lapak.Web.Features.Helpdesk.Inbound;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapak.Tests.Features.Helpdesk.Inbound.InboundKit;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Inbound;

/// <summary>
/// E-mail into the helpdesk through a real IMAP server: replies by e-mail, tickets by e-mail, and the mail that must
/// not become either. Each test's app reads a folder of its own.
/// </summary>
public sealed class ProcessInboundEmailTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_customer_answering_the_ticket_mail_adds_a_reply_without_the_quoted_text_and_reopens_the_resolved_ticket(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var customer = await app.CreateUserAsync();
        var agent = await AgentInTeamAsync(app, email: true);
        var code = await OpenTicketAsync(app, customer, subject: "Internet mati sejak pagi");
        var shown = TicketCode.Display(code);

        // The team member's mail carries the ticket's thread, its code and the support address to answer to.
        var teamMail = await app.Mail.WaitForAsync(agent.Email, m => m.Subject.Contains(shown));
        var thread = $"<ticket-{shown}@127.0.0.1>";
        Assert.StartsWith($"[#{shown}]", teamMail.Subject);
        Assert.Equal(thread, Header(teamMail, "In-Reply-To"));
        Assert.Contains(thread, Header(teamMail, "References"));
        Assert.Equal(app.SupportAddress, Assert.Single((await SourceAsync(teamMail)).ReplyTo.Mailboxes).Address);
        var receipt = await app.Mail.WaitForAsync(customer.Email, m => m.Subject.Contains(shown));
        Assert.Equal(thread, Header(receipt, "In-Reply-To"));

        await SetStatusAsync(app, agent, code, TicketStatus.Resolved);
        var answer = Mail(customer.Email, app.SupportAddress!, "Re: " + receipt.Subject,
            "Masih mati sampai sekarang, lampu LOS merah.\n\nPada Sel, 24 Nov 2026 pukul 10.00 Lapak <no-reply@lapak.test>\nmenulis:\n> Kami sudah menerima tiket kamu.\n> Terima kasih.",
            inReplyTo: Header(receipt, "In-Reply-To"));
        var poll = await DeliverAsync(app, answer);

        Assert.Equal(1, poll.Replied);
        var reply = Assert.Single(await MessagesAsync(app, code));
        Assert.Equal("Masih mati sampai sekarang, lampu LOS merah.", reply.Body);
        Assert.Equal(TicketSource.Email, reply.Via);
        Assert.Equal(answer.MessageId, reply.EmailMessageId);
        Assert.False(reply.FromStaff);
        Assert.Equal(TicketStatus.Open, (await TicketAsync(app, code)).Status);
        var entry = await EntryAsync(app, answer);
        Assert.Equal(InboundOutcome.Replied, entry.Outcome);
        // Handled mail leaves the folder for the processed one, read.
        Assert.Equal((0, 0), await ImapBox.CountAsync(app.InboundFolder!));
        Assert.Equal((1, 0), await ImapBox.CountAsync(app.ProcessedFolder!));

        // Nothing new: nothing happens. The same mail delivered again (a second instance, a re-sent copy) is not stored twice.
        Assert.Equal(0, (await PollAsync(app)).Fetched);
        var again = await DeliverAsync(app, answer);
        Assert.Equal(1, again.AlreadyHandled);
        Assert.Single(await MessagesAsync(app, code));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Staff_working_the_ticket_answer_by_e_mail_as_a_public_reply_the_customer_is_told_of(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var customer = await app.CreateUserAsync();
        var agent = await AgentInTeamAsync(app);
        var code = await OpenTicketAsync(app, customer);
        var shown = TicketCode.Display(code);

        // No thread headers at all: the subject's [#code] tag alone finds the ticket. The mail server vouches for the sender.
        var mail = Mail(agent.Email, app.SupportAddress!, $"Re: [#{shown}] Tagihan", "Sudah kami cek, tagihan kedua dibatalkan.");
        mail.Headers.Add("Authentication-Results", "mx.lapak.test; spf=pass smtp.mailfrom=test.lapak; dkim=pass header.d=test.lapak; dmarc=pass header.from=test.lapak");
        var poll = await DeliverAsync(app, mail);

        Assert.Equal(1, poll.Replied);
        var reply = Assert.Single(await MessagesAsync(app, code));
        Assert.True(reply.FromStaff);
        Assert.False(reply.IsInternal);
        Assert.Equal(TicketStatus.Open, (await TicketAsync(app, code)).Status);
        var told = await app.Mail.WaitForAsync(customer.Email, m => m.Subject.Contains(shown) && (m.Text ?? "").Contains(agent.FullName));
        Assert.StartsWith($"[#{shown}]", told.Subject);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_reply_from_an_address_that_is_not_the_customer_or_staff_of_the_ticket_is_not_added(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var customer = await app.CreateUserAsync();
        var otherCustomer = await app.CreateUserAsync();
        var agentOfAnotherTeam = await AgentInTeamAsync(app, (await OtherTeamAsync(app)).Team);
        var code = await OpenTicketAsync(app, customer);
        var receipt = await app.Mail.WaitForAsync(customer.Email, m => m.Subject.Contains(TicketCode.Display(code)));
        var inReplyTo = Header(receipt, "In-Reply-To");

        var fromOtherCustomer = Mail(otherCustomer.Email, app.SupportAddress!, "Re: " + receipt.Subject, "Saya juga mau lihat tiket ini.", inReplyTo);
        var fromOtherTeam = Mail(agentOfAnotherTeam.Email, app.SupportAddress!, "Re: " + receipt.Subject, "Ikut menjawab.", inReplyTo);
        var fromStranger = Mail($"asing-{Guid.NewGuid():N}@x.test", app.SupportAddress!, "Re: " + receipt.Subject, "Halo?", inReplyTo);
        var poll = await DeliverAsync(app, fromOtherCustomer, fromOtherTeam, fromStranger);

        Assert.Equal(3, poll.Ignored);
        Assert.Empty(await MessagesAsync(app, code));
        foreach (var m in new[] { fromOtherCustomer, fromOtherTeam, fromStranger })
        {
            var entry = await EntryAsync(app, m);
            Assert.Equal(InboundOutcome.Ignored, entry.Outcome);
            Assert.Equal(InboundReasons.NotAllowed, entry.Detail);
        }
        // The stranger did not get an account or a ticket out of a code they happened to know.
        Assert.False(await app.WithDbAsync(d => d.Users.AnyAsync(u => u.Email == fromStranger.From.Mailboxes.First().Address)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_unknown_sender_gets_an_account_named_after_the_address_an_invitation_and_a_ticket_the_team_hears_of(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var agent = await AgentInTeamAsync(app, email: true);
        var address = $"budi-{Guid.NewGuid():N}@x.test";
        var mail = Mail(address, app.SupportAddress!, "Fwd: Internet mati sejak pagi", "Selamat pagi,\nInternet di rumah mati sejak jam 6.\nTerima kasih.",
            fromName: "Hadiah Rp 100 juta, klik http://phish.example");

        var poll = await DeliverAsync(app, mail);

        Assert.Equal(1, poll.Opened);
        var entry = await EntryAsync(app, mail);
        Assert.Equal(InboundOutcome.Opened, entry.Outcome);
        var user = await app.WithDbAsync(d => d.Users.AsNoTracking().SingleAsync(x => x.Email == address));
        IList<string> roles = [];
        await app.WithScopeAsync(async sp => roles = await sp.GetRequiredService<UserManager<LapakUser>>().GetRolesAsync(user));
        var ticket = await app.WithDbAsync(d => d.Set<Ticket>().AsNoTracking().SingleAsync(x => x.Id == entry.TicketId));
        // The display name is the sender's free text and would go into our invitation: the address's local part is used.
        Assert.Equal(address.Split('@')[0], user.FullName);
        Assert.False(user.EmailConfirmed);
        Assert.Equal("id", user.PreferredLanguage);
        Assert.Equal([Roles.Customer], roles);
        Assert.Equal(user.Id, ticket.CustomerId);
        Assert.Equal(TicketSource.Email, ticket.Source);
        Assert.Equal("Internet mati sejak pagi", ticket.Subject);
        Assert.Equal("Selamat pagi,\nInternet di rumah mati sejak jam 6.\nTerima kasih.", ticket.Description);

        var invitation = await app.Mail.WaitForAsync(address, m => (m.Text ?? "").Contains("/account/reset-password"));
        Assert.DoesNotContain("phish.example", invitation.Text + invitation.Html);
        Assert.Contains("invite=1", invitation.Link("/account/reset-password").Query);
        await app.Mail.WaitForAsync(agent.Email, m => m.Subject.Contains(TicketCode.Display(ticket.Code)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_html_only_mail_from_a_known_customer_opens_a_ticket_with_its_text(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var customer = await app.CreateUserAsync();
        var mail = Mail(customer.Email, app.SupportAddress!, "Tagihan dobel", "");
        mail.Body = new MimeKit.TextPart("html") { Text = "<html><body><p>Saya ditagih <b>dua kali</b>.</p><p>Mohon dicek &amp; dibantu.</p></body></html>" };

        Assert.Equal(1, (await DeliverAsync(app, mail)).Opened);

        var ticket = await app.WithDbAsync(d => d.Set<Ticket>().AsNoTracking().SingleAsync(t => t.CustomerId == customer.Id));
        Assert.Equal("Saya ditagih dua kali.\nMohon dicek & dibantu.", ticket.Description);
        // A known customer needs no invitation.
        Assert.Equal(1, await app.WithDbAsync(d => d.Users.CountAsync(u => u.Email == customer.Email)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Auto_replies_bounces_and_our_own_mail_are_ignored_and_create_nothing(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        var receipt = await app.Mail.WaitForAsync(customer.Email, m => m.Subject.Contains(TicketCode.Display(code)));

        var vacation = Mail(customer.Email, app.SupportAddress!, "Sedang cuti: " + receipt.Subject, "Saya sedang cuti sampai Senin.", Header(receipt, "In-Reply-To"));
        vacation.Headers.Add("Auto-Submitted", "auto-replied");
        var bulk = Mail($"promo-{Guid.NewGuid():N}@x.test", app.SupportAddress!, "Promo akhir tahun", "Diskon 50%!");
        bulk.Headers.Add("Precedence", "bulk");
        var bounce = Mail("MAILER-DAEMON@x.test", app.SupportAddress!, "Undelivered Mail Returned to Sender", "This is the mail system.");
        var ours = Mail("no-reply@lapak.test", app.SupportAddress!, "Tiket baru", "Loop?");

        var poll = await DeliverAsync(app, vacation, bulk, bounce, ours);

        Assert.Equal(4, poll.Ignored);
        Assert.Empty(await MessagesAsync(app, code));
        Assert.Equal(InboundReasons.AutoReply, (await EntryAsync(app, vacation)).Detail);
        Assert.Equal(InboundReasons.AutoReply, (await EntryAsync(app, bulk)).Detail);
        Assert.Equal(InboundReasons.AutoReply, (await EntryAsync(app, bounce)).Detail);
        Assert.Equal(InboundReasons.FromUs, (await EntryAsync(app, ours)).Detail);
        Assert.False(await app.WithDbAsync(d => d.Users.AnyAsync(u => u.Email == bulk.From.Mailboxes.First().Address)));
        Assert.False(await app.WithDbAsync(d => d.Set<Ticket>().AnyAsync(t => t.Source == TicketSource.Email)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_reply_to_a_closed_ticket_is_refused_and_the_sender_is_told_how_to_open_a_new_one(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var customer = await app.CreateUserAsync();
        var agent = await AgentInTeamAsync(app);
        var code = await OpenTicketAsync(app, customer);
        var shown = TicketCode.Display(code);
        var receipt = await app.Mail.WaitForAsync(customer.Email, m => m.Subject.Contains(shown));
        await SetStatusAsync(app, agent, code, TicketStatus.Closed);

        var late = Mail(customer.Email, app.SupportAddress!, "Re: " + receipt.Subject, "Ternyata masih bermasalah.", Header(receipt, "In-Reply-To"));
        var poll = await DeliverAsync(app, late);

        Assert.Equal(1, poll.Ignored);
        Assert.Empty(await MessagesAsync(app, code));
        Assert.Equal(TicketStatus.Closed, (await TicketAsync(app, code)).Status);
        var entry = await EntryAsync(app, late);
        Assert.Equal(InboundOutcome.Ignored, entry.Outcome);
        Assert.Equal(InboundReasons.Closed, entry.Detail);
        var title = Id(app, "Ticket {code} is closed").Replace("{code}", shown);
        var notice = await app.Mail.WaitForAsync(customer.Email, m => m.Subject.Contains(title));
        Assert.Contains(app.SupportAddress!, notice.Text);
        Assert.Contains("/helpdesk/new", notice.Text);
        // Machine-sent, so an autoresponder does not answer it; and a second late mail the same day gets no second notice.
        Assert.Equal("auto-generated", Header(notice, "Auto-Submitted"));
        Assert.Equal("All", Header(notice, "X-Auto-Response-Suppress"));
        var later = Mail(customer.Email, app.SupportAddress!, "Re: " + receipt.Subject, "Halo? Masih bermasalah.", Header(receipt, "In-Reply-To"));
        Assert.Equal(1, (await DeliverAsync(app, later)).Ignored);
        Assert.Equal(InboundReasons.Closed, (await EntryAsync(app, later)).Detail);
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<Lapak.Web.Features.Notifications.Notification>()
            .CountAsync(n => n.UserId == customer.Id && n.Kind == ProcessInboundEmail.ClosedNotice)));
    }
}
