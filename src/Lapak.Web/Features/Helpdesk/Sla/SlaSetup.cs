using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Helpdesk.Sla;

/// <summary>
/// SLA in business hours: the targets and calendars (admin pages and API), the clock the ticket use cases call,
/// the runner that warns and hands breaches to escalation, and the ticket card. <see cref="ISlaBreachEscalator"/> is
/// registered by the escalation module; without it a breach is recorded and logged only.
/// </summary>
public static class SlaSetup
{
    public static IServiceCollection AddHelpdeskSla(this IServiceCollection services)
    {
        services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.Section)
            .Validate(o => o.CheckInterval > TimeSpan.Zero, "Helpdesk:Sla:CheckInterval must be longer than zero.").ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<SlaSettingsCache>();
        services.AddScoped<SlaClock>();
        services.AddScoped<SlaCards>();
        services.AddScoped<SlaBadgeLookup>();
        services.AddScoped<IDefaultDataSeeder, SlaDefaults>();
        services.AddScoped<IDemoDataSeeder, SlaDemoData>();
        services.AddScoped<SaveSlaTargets.Handler>();
        services.AddScoped<SaveCalendar.Handler>();
        services.AddScoped<DeleteCalendar.Handler>();
        services.AddScoped<CalendarHolidays.AddHandler>();
        services.AddScoped<CalendarHolidays.RemoveHandler>();
        services.AddSingleton<SlaRunner>();
        services.AddHostedService<SlaRunnerService>();
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Helpdesk/Sla", Policies.Admin);
            o.Conventions.AddPageRoute("/Helpdesk/Sla/Calendar", "/helpdesk/admin/calendars/new");
        });

        services.AddNotificationTemplate(SlaNotifications.Warning, "Ticket {code}: the {measure} is due soon",
            "The {measure} of ticket {code} ({subject}) is due at {due}. Act before it is escalated.", "Open the ticket");
        return services;
    }

    public static IEndpointRouteBuilder MapHelpdeskSla(this IEndpointRouteBuilder app)
    {
        app.MapSlaEndpoints();
        return app;
    }
}
