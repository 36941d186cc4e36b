using Lapak.Web.Features.Helpdesk.Inbound;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapak.Tests.Features.Helpdesk.Inbound.InboundKit;
using static Lapak.Tests.Features.Helpdesk.WorkspaceKit;

namespace Lapak.Tests.Features.Helpdesk.Inbound;

/// <summary>
/// What a stranger's mail must not be able to do: flood us with accounts and tickets, speak as staff, or use a
/// locked account; and odd but honest addresses and concurrent mail that must still work.
/// </summary>
public sealed class ProcessInboundEmailLimitsTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Accounts_made_by_mail_stop_at_the_hourly_cap(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db, new Dictionary<string, string?> { ["Helpdesk:Inbound:MaxNewAccountsPerHour"] = "1" });
        var first = Mail($"satu-{Guid.NewGuid():N}@x.test", app.SupportAddress!, "Internet mati", "Tolong dibantu.");
        var second = Mail($"dua-{Guid.NewGuid():N}@x.test", app.SupportAddress!, "Internet mati", "Tolong dibantu.");

        var poll = await DeliverAsync(app, first, second);

        Assert.Equal((1, 1), (poll.Opened, poll.Ignored));
        var refused = await EntryAsync(app, second);
        Assert.Equal(InboundReasons.TooManyAccounts, refused.Detail);
        Assert.Null(refused.TicketId);
        Assert.False(await app.WithDbAsync(d => d.Users.AnyAsync(u => u.Email == second.From.Mailboxes.First().Address)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Tickets_by_mail_from_one_sender_stop_at_the_hourly_cap(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db, new Dictionary<string, string?> { ["Helpdesk:Inbound:MaxTicketsPerSenderPerHour"] = "2" });
        var customer = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var mails = Enumerable.Range(1, 3).Select(i => Mail(customer.Email, app.SupportAddress!, $"Keluhan {i}", "Isi keluhan.")).ToArray();

        var poll = await DeliverAsync(app, [.. mails, Mail(other.Email, app.SupportAddress!, "Keluhan lain", "Isi keluhan.")]);

        Assert.Equal((3, 1), (poll.Opened, poll.Ignored));
        Assert.Equal(InboundReasons.TooManyTickets, (await EntryAsync(app, mails[2])).Detail);
        Assert.Equal(2, await app.WithDbAsync(d => d.Set<Ticket>().CountAsync(t => t.CustomerId == customer.Id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Mailing_list_mail_is_ignored_and_creates_no_account(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var list = Mail($"news-{Guid.NewGuid():N}@x.test", app.SupportAddress!, "Kabar mingguan", "Berita minggu ini.");
        list.Headers.Add("List-Id", "<kabar.x.test>");
        var newsletter = Mail($"promo-{Guid.NewGuid():N}@x.test", app.SupportAddress!, "Promo", "Diskon!");
        newsletter.Headers.Add("List-Unsubscribe", "<mailto:stop@x.test>");

        Assert.Equal(2, (await DeliverAsync(app, list, newsletter)).Ignored);

        Assert.Equal(InboundReasons.MailingList, (await EntryAsync(app, list)).Detail);
        Assert.Equal(InboundReasons.MailingList, (await EntryAsync(app, newsletter)).Detail);
        Assert.False(await app.WithDbAsync(d => d.Users.AnyAsync(u => u.Email!.EndsWith("@x.test"))));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_staff_reply_the_mail_server_does_not_vouch_for_is_refused_as_unverified(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var customer = await app.CreateUserAsync();
        var agent = await AgentInTeamAsync(app);
        var code = await OpenTicketAsync(app, customer);
        var subject = $"Re: [#{TicketCode.Display(code)}] Tagihan";
        var bare = Mail(agent.Email, app.SupportAddress!, subject, "Tiket ini sudah selesai, silakan transfer ke rekening 123.");
        // The sender's own "pass" below our server's "fail" proves nothing: only the topmost header counts.
        var forged = Mail(agent.Email, app.SupportAddress!, subject, "Silakan transfer ke rekening 123.");
        forged.Headers.Add("Authentication-Results", "mx.lapak.test; spf=fail smtp.mailfrom=evil.example; dmarc=fail header.from=test.lapak");
        forged.Headers.Add("Authentication-Results", "evil.example; dmarc=pass header.from=test.lapak");

        var poll = await DeliverAsync(app, bare, forged);

        Assert.Equal(2, poll.Ignored);
        Assert.Empty(await MessagesAsync(app, code));
        Assert.Equal(InboundReasons.UnverifiedStaff, (await EntryAsync(app, bare)).Detail);
        Assert.Equal(InboundReasons.UnverifiedStaff, (await EntryAsync(app, forged)).Detail);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_server_without_authentication_results_can_be_trusted_for_staff_by_setting(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db, new Dictionary<string, string?> { ["Helpdesk:Inbound:TrustStaffWithoutAuthentication"] = "true" });
        var customer = await app.CreateUserAsync();
        var agent = await AgentInTeamAsync(app);
        var code = await OpenTicketAsync(app, customer);

        var poll = await DeliverAsync(app, Mail(agent.Email, app.SupportAddress!, $"Re: [#{TicketCode.Display(code)}] Tagihan", "Sudah kami cek."));

        Assert.Equal(1, poll.Replied);
        Assert.True(Assert.Single(await MessagesAsync(app, code)).FromStaff);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_locked_out_account_cannot_reply_or_open_tickets_by_mail(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var customer = await app.CreateUserAsync();
        var code = await OpenTicketAsync(app, customer);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<LapakUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(customer.Id.ToString()))!, DateTimeOffset.UtcNow.AddHours(1));
        });
        var reply = Mail(customer.Email, app.SupportAddress!, $"Re: [#{TicketCode.Display(code)}] Tagihan", "Masih bermasalah.");
        var fresh = Mail(customer.Email, app.SupportAddress!, "Tagihan lain", "Ada tagihan lain.");

        Assert.Equal(2, (await DeliverAsync(app, reply, fresh)).Ignored);

        Assert.Equal(InboundReasons.LockedOut, (await EntryAsync(app, reply)).Detail);
        Assert.Equal(InboundReasons.LockedOut, (await EntryAsync(app, fresh)).Detail);
        Assert.Empty(await MessagesAsync(app, code));
        Assert.Equal(1, await app.WithDbAsync(d => d.Set<Ticket>().CountAsync(t => t.CustomerId == customer.Id)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_address_with_an_apostrophe_gets_an_account_and_an_unusable_one_fails_with_its_reason_kept(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var apostrophe = $"o'brien-{Guid.NewGuid():N}@x.test";
        var honest = Mail(apostrophe, app.SupportAddress!, "Internet mati", "Tolong dibantu.");
        var unusable = Mail("\"budi santoso\"@x.test", app.SupportAddress!, "Internet mati", "Tolong dibantu.");

        var poll = await DeliverAsync(app, honest, unusable);

        Assert.Equal((1, 1), (poll.Opened, poll.Failed));
        Assert.True(await app.WithDbAsync(d => d.Users.AnyAsync(u => u.Email == apostrophe)));
        // The reason survives the rolled-back account.
        var failed = await EntryAsync(app, unusable);
        Assert.Equal(InboundOutcome.Failed, failed.Outcome);
        Assert.Equal(InboundReasons.BadAddress, failed.Detail);
        Assert.False(await app.WithDbAsync(d => d.Users.AnyAsync(u => u.Email!.Contains("budi santoso"))));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Mails_from_one_new_sender_handled_at_once_share_one_account_and_all_open_tickets(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var address = $"baru-{Guid.NewGuid():N}@x.test";
        var mails = Enumerable.Range(1, 3).Select(i => Mail(address, app.SupportAddress!, $"Keluhan {i}", "Isi keluhan.")).ToArray();
        var mailbox = app.Services.GetRequiredService<InboundMailbox>();

        var outcomes = await Task.WhenAll(mails.Select(m => mailbox.HandleAsync(m, CancellationToken.None)));

        Assert.All(outcomes, o => Assert.Equal(InboundOutcome.Opened, o.Outcome));
        var user = await app.WithDbAsync(d => d.Users.AsNoTracking().SingleAsync(u => u.Email == address));
        Assert.Equal(3, await app.WithDbAsync(d => d.Set<Ticket>().CountAsync(t => t.CustomerId == user.Id)));
    }
}
