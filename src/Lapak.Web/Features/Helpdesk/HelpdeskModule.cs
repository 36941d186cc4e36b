using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Features.Helpdesk.Teams;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Startup;

namespace Lapak.Web.Features.Helpdesk;

/// <summary>Helpdesk: request types, tickets, replies and internal notes, the ticket lifecycle and its notifications.</summary>
public static class HelpdeskModule
{
    public static IServiceCollection AddHelpdesk(this IServiceCollection services)
    {
        services.AddScoped<TicketAccess>();
        services.AddScoped<TicketQueries>();
        services.AddScoped<OpenTicket.Handler>();
        services.AddScoped<ReplyToTicket.Handler>();
        services.AddScoped<ChangeTicketStatus.Handler>();
        services.AddScoped<TakeNextTicket.Handler>();
        services.AddScoped<TicketLive>();
        services.AddScoped<AssignTicket.Handler>();
        services.AddScoped<EditTicket.Handler>();
        services.AddScoped<UpdateTicket.Handler>();
        services.AddScoped<RoundRobin>();
        services.AddScoped<SetRoundRobin.Handler>();
        services.AddScoped<IDemoDataSeeder, HelpdeskDemoData>();

        services.AddNotificationTemplate(HelpdeskNotifications.NewForTeam, "New ticket {code}",
            "{customer} opened ticket {code}: {subject}.", "Open the ticket");
        services.AddNotificationTemplate(HelpdeskNotifications.Received, "We received your ticket {code}",
            "Thank you, {customer}. Your ticket {code} ({subject}) is in our queue; we will reply here and by e-mail.", "See my ticket");
        services.AddNotificationTemplate(HelpdeskNotifications.Replied, "New reply on ticket {code}",
            "{author} replied to your ticket {code} ({subject}).", "Read the reply");
        services.AddNotificationTemplate(HelpdeskNotifications.StatusChanged, "Ticket {code} is now {status}",
            "The status of your ticket {code} ({subject}) changed to {status}.", "See my ticket");
        services.AddNotificationTemplate(HelpdeskNotifications.Resolved, "Ticket {code} is resolved",
            "Your ticket {code} ({subject}) has been resolved. If the problem is still there, just reply and we will pick it up again.", "See my ticket");
        services.AddNotificationTemplate(HelpdeskNotifications.Assigned, "Ticket {code} is assigned to you",
            "{actor} assigned ticket {code} ({subject}) to you.", "Open the ticket");
        return services;
    }

    public static IEndpointRouteBuilder MapHelpdesk(this IEndpointRouteBuilder app)
    {
        app.MapTicketEndpoints();
        app.MapTicketUpdateEndpoints();
        return app;
    }
}
