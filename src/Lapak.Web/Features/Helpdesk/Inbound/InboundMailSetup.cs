using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Notifications;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Helpdesk.Inbound;

/// <summary>E-mail into the helpdesk: the IMAP poller, the use case behind it, its notice and the admin log page.</summary>
public static class InboundMailSetup
{
    public static IServiceCollection AddInboundMail(this IServiceCollection services)
    {
        services.AddOptions<InboundMailOptions>().BindConfiguration(InboundMailOptions.Section);
        // Answers to ticket mails must reach the mailbox that is read, not the no-reply sender.
        services.AddOptions<SmtpOptions>().PostConfigure<IOptions<InboundMailOptions>>((smtp, inbound) =>
        {
            if (inbound.Value.Enabled && string.IsNullOrWhiteSpace(smtp.ThreadReplyTo)) smtp.ThreadReplyTo = inbound.Value.SupportAddress;
        });
        services.AddScoped<ProcessInboundEmail.Handler>();
        services.AddScoped<RetryInboundEmail.Handler>();
        services.AddSingleton<InboundMailbox>();
        services.AddHostedService<InboundMailPoller>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Helpdesk/Inbound", Policies.Admin));

        services.AddNotificationTemplate(ProcessInboundEmail.ClosedNotice, "Ticket {code} is closed",
            "Your e-mail was not added to ticket {code} ({subject}) because the ticket is closed. If you still need help, open a new ticket, or write a new e-mail (not a reply) to {support}.",
            "Open a new ticket");
        return services;
    }
}
