using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Features.Helpdesk.Incidents;
using Microsoft.AspNetCore.Mvc.RazorPages;

// In the module's namespace, so HelpdeskModule calls it without another using line.
namespace Lapak.Web.Features.Helpdesk;

/// <summary>Public service status and incidents (seed 001): use cases, notifications, staff pages, API and the status hub.</summary>
public static class IncidentsSetup
{
    public static IServiceCollection AddHelpdeskIncidents(this IServiceCollection services)
    {
        services.AddScoped<IncidentQueries>();
        services.AddScoped<IncidentRules>();
        services.AddScoped<IncidentLive>();
        services.AddScoped<DeclareIncident.Handler>();
        services.AddScoped<MarkTicketAsIncident.Handler>();
        services.AddScoped<PostIncidentUpdate.Handler>();
        services.AddScoped<ChangeIncidentDetails.Handler>();
        services.AddScoped<AttachToIncident.Handler>();
        services.AddScoped<ResolveLinkedTickets.Handler>();
        services.AddScoped<Lapak.Web.Infrastructure.Startup.IDemoDataSeeder, IncidentDemoData>();

        services.AddNotificationTemplate(IncidentNotifications.Updated, "Service update: {title}",
            "{state} ({area}): {message}", "See the service status");
        services.AddNotificationTemplate(IncidentNotifications.TechnicianAssigned, "You are the technician for {title}",
            "{actor} put you on the incident {title} ({area}).", "Open the incident");

        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Helpdesk/Incidents", Policies.Staff));
        return services;
    }

    public static IEndpointRouteBuilder MapHelpdeskIncidents(this IEndpointRouteBuilder app)
    {
        app.MapIncidentEndpoints();
        app.MapHub<StatusHub>("/hubs/status");
        return app;
    }
}
