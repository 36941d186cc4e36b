using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Permits;
using Lapak.Web.Features.Helpdesk.Sla;
using Lapak.Web.Features.Helpdesk.Supervisor;
using Lapak.Web.Features.Notifications;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Helpdesk.Escalations;

/// <summary>Escalation, supervisor approval with its permit, the SLA breach escalator and the supervisor dashboard.</summary>
public static class EscalationsSetup
{
    /// <summary>Supervisors and admins: the supervisor dashboard (which still only shows their own branches and escalations).</summary>
    public const string SupervisorPolicy = "helpdesk-supervisor";

    public static IServiceCollection AddHelpdeskEscalations(this IServiceCollection services)
    {
        services.AddScoped<EscalateTicket.Handler>();
        services.AddScoped<ApproveTicket.Handler>();
        services.AddScoped<BranchSupervision>();
        services.AddScoped<EscalationQueries>();
        services.AddScoped<IssuePermit>();
        services.AddScoped<SupervisorDesk>();
        services.AddScoped<ApprovalSummary>();
        services.AddScoped<ISlaBreachEscalator, SlaBreachEscalator>();
        services.AddAuthorizationBuilder().AddPolicy(SupervisorPolicy, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Helpdesk/Supervisor", SupervisorPolicy));

        services.AddNotificationTemplate(EscalationNotifications.Escalated, "Ticket {code} was escalated to {target}",
            "{actor} escalated ticket {code} ({subject}) to {target}. Reason: {reason}", "Open the ticket");
        services.AddNotificationTemplate(EscalationNotifications.ApprovalRequested, "Ticket {code} awaits your approval",
            "{actor} asks you to approve ticket {code} ({subject}). Reason: {reason}", "Review the request");
        services.AddNotificationTemplate(EscalationNotifications.Approved, "Your request {code} is approved: your permit is ready",
            "{actor} approved your request {code} ({subject}). Your permit is ready; open the ticket to see it.", "See my permit");
        services.AddNotificationTemplate(EscalationNotifications.Rejected, "Your request {code} was not approved",
            "{actor} did not approve your request {code} ({subject}): {comment}", "See my ticket");
        return services;
    }

    public static IEndpointRouteBuilder MapHelpdeskEscalations(this IEndpointRouteBuilder app)
    {
        app.MapEscalationEndpoints();
        return app;
    }
}
