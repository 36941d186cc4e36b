using Lapak.Web.Features.Helpdesk;
using Lapak.Web.Features.Helpdesk.Inbound;
using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Lapak.Tests.Features.Helpdesk.Inbound;

/// <summary>Threading headers go on ticket mails only; other mail stays as it was.</summary>
[Collection(Apps.Name)]
public sealed class TicketMailThreadTests(Apps apps)
{
    private static async Task<MimeMessage> ComposeAsync(LapakApp app, Guid userId, string kind, string? thread)
    {
        MimeMessage? message = null;
        await app.WithScopeAsync(async sp =>
        {
            var user = await sp.GetRequiredService<Lapak.Web.Infrastructure.Data.LapakDbContext>().Users.SingleAsync(u => u.Id == userId);
            var n = new Notification { UserId = user.Id, Kind = kind, Thread = thread, Data = """{"code":"K7MQ-X9AR","subject":"Internet mati","author":"Sari","time":"10.00"}""" };
            message = sp.GetServices<IDeliveryChannel>().OfType<EmailChannel>().Single().Compose(n, user);
        });
        return message!;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_ticket_mail_points_at_the_ticket_thread_and_tags_its_subject(Db db)
    {
        var app = await apps.Get(db);
        var customer = await app.CreateUserAsync();

        var mail = await ComposeAsync(app, customer.Id, HelpdeskNotifications.Replied, TicketMailThread.For("K7MQX9AR"));

        Assert.Equal("ticket-K7MQ-X9AR@127.0.0.1", mail.InReplyTo);
        Assert.Equal(["ticket-K7MQ-X9AR@127.0.0.1"], mail.References);
        Assert.StartsWith("[#K7MQ-X9AR] ", mail.Subject);
        Assert.Empty(mail.ReplyTo); // this app reads no support mailbox, so there is nowhere better to answer to
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task With_a_support_mailbox_ticket_mails_are_answered_to_the_support_address_and_other_mails_are_not(Db db)
    {
        await using var app = await LapakApp.StartWithInboundMailAsync(db);
        var customer = await app.CreateUserAsync();

        var ticketMail = await ComposeAsync(app, customer.Id, HelpdeskNotifications.Replied, TicketMailThread.For("K7MQX9AR"));
        var otherMail = await ComposeAsync(app, customer.Id, NotificationKinds.Test, null);

        Assert.Equal(app.SupportAddress, Assert.Single(ticketMail.ReplyTo.Mailboxes).Address);
        Assert.Empty(otherMail.ReplyTo);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Other_notifications_carry_no_thread_headers(Db db)
    {
        var app = await apps.Get(db);
        var user = await app.CreateUserAsync();

        var mail = await ComposeAsync(app, user.Id, NotificationKinds.Test, null);

        Assert.Null(mail.InReplyTo);
        Assert.Empty(mail.References);
        Assert.Empty(mail.ReplyTo);
        Assert.DoesNotContain("[#", mail.Subject);
    }
}
