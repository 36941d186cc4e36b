using Lapak.Web.Features.Helpdesk.Inbound;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Canned;
using Lapak.Web.Features.Helpdesk.Live;
using Lapak.Web.Features.Helpdesk.Teams;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Helpdesk;

/// <summary>Helpdesk: request types, tickets, replies and internal notes, the ticket lifecycle and its notifications.</summary>
public static class HelpdeskModule
{
    public static IServiceCollection AddHelpdesk(this IServiceCollection services)
    {
        services.AddScoped<TicketAccess>();
        services.AddScoped<TicketQueries>();
        services.AddMemoryCache();
        services.AddSingleton<TicketTotalsCache>();
        services.AddScoped<OpenTicket.Handler>();
        services.AddScoped<ReplyToTicket.Handler>();
        services.AddScoped<ChangeTicketStatus.Handler>();
        services.AddScoped<TakeNextTicket.Handler>();
        services.AddScoped<DeleteTicket.Handler>();
        services.AddScoped<Admin.SaveRequestType.Handler>();
        services.AddScoped<Admin.HelpdeskDashboard>();
        services.AddScoped<TicketLive>();
        services.AddScoped<AssignTicket.Handler>();
        services.AddScoped<EditTicket.Handler>();
        services.AddScoped<UpdateTicket.Handler>();
        services.AddScoped<RoundRobin>();
        services.AddScoped<SetRoundRobin.Handler>();
        services.AddScoped<IDemoDataSeeder, HelpdeskDemoData>();
        services.AddInboundMail();
        services.AddFilesRatingsCannedAndAutoClose();
        services.AddHelpdeskIncidents();
        Escalations.EscalationsSetup.AddHelpdeskEscalations(services);
        Sla.SlaSetup.AddHelpdeskSla(services);
        Permits.PermitsSetup.AddHelpdeskPermits(services);
        Reports.ReportsSetup.AddHelpdeskReports(services);

        services.AddNotificationTemplate(HelpdeskNotifications.NewForTeam, "New ticket {code}",
            "{customer} opened ticket {code}: {subject}.", "Open the ticket");
        services.AddNotificationTemplate(HelpdeskNotifications.Received, "We received your ticket {code}",
            "Thank you, {customer}. Your ticket {code} ({subject}) is in our queue; we will reply here and by e-mail.", "See my ticket");
        services.AddNotificationTemplate(HelpdeskNotifications.Replied, "New reply on ticket {code}",
            "{author} replied to your ticket {code} ({subject}).", "Read the reply");
        services.AddNotificationTemplate(HelpdeskNotifications.StatusChanged, "Ticket {code} is now {status}",
            "The status of your ticket {code} ({subject}) changed to {status}.", "See my ticket");
        services.AddNotificationTemplate(HelpdeskNotifications.Resolved, "Ticket {code} is resolved",
            "Your ticket {code} ({subject}) has been resolved. How did we do? Rate our help in one click. If the problem is still there, just reply and we will pick it up again.",
            "Rate our help");
        services.AddNotificationTemplate(HelpdeskNotifications.Assigned, "Ticket {code} is assigned to you",
            "{actor} assigned ticket {code} ({subject}) to you.", "Open the ticket");
        return services;
    }

    public static IEndpointRouteBuilder MapHelpdesk(this IEndpointRouteBuilder app)
    {
        app.MapTicketEndpoints();
        app.MapTicketFileEndpoints();
        app.MapRatingEndpoints();
        app.MapCannedEndpoints();
        Admin.HelpdeskAdminEndpoints.MapHelpdeskAdminEndpoints(app);
        app.MapTicketUpdateEndpoints();
        app.MapTeamSettingsEndpoints();
        app.MapHelpdeskIncidents();
        Escalations.EscalationsSetup.MapHelpdeskEscalations(app);
        Sla.SlaSetup.MapHelpdeskSla(app);
        Permits.PermitsSetup.MapHelpdeskPermits(app);
        Reports.ReportsSetup.MapHelpdeskReports(app);
        return app;
    }

    /// <summary>Attachments, canned responses, satisfaction ratings and auto-close.</summary>
    private static void AddFilesRatingsCannedAndAutoClose(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AutoCloseOptions>().BindConfiguration(AutoCloseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<TicketFiles>();
        services.AddScoped<OpenTicketWithFiles.Handler>();
        services.AddScoped<ReplyWithFiles.Handler>();
        services.AddScoped<RateTicket.Handler>();
        services.AddScoped<CannedResponses>();
        services.AddScoped<SaveCannedResponse.Handler>();
        services.AddScoped<DeleteCannedResponse.Handler>();
        services.AddSingleton<TicketAutoCloser>();
        services.AddHostedService<TicketAutoCloseService>();

        services.AddOptions<RazorPagesOptions>().Configure<IOptions<AttachmentOptions>>((o, files) =>
        {
            o.Conventions.AuthorizeFolder("/Helpdesk/Canned", Policies.Staff);
            o.Conventions.AddPageRoute("/Helpdesk/Canned/Edit", "/helpdesk/canned/new");
            // The forms that carry files take a full set of them; every other form keeps the site's smaller limit.
            var limit = files.Value.MaxRequestBytes;
            foreach (var page in new[] { "/Helpdesk/Portal/NewTicket", "/Helpdesk/Tickets/Details" })
                o.Conventions.AddPageApplicationModelConvention(page, m =>
                {
                    m.Filters.Add(new RequestSizeLimitAttribute(limit));
                    m.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limit });
                });
        });
    }
}
