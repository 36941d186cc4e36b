using Lapak.Web.Infrastructure;

namespace Lapak.Web.Features.Notifications;

/// <summary>Notifications: the outbox, its channels (in-app, e-mail, WhatsApp), the bell and the list.</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.Configure<WhatsAppOptions>(configuration.GetSection(WhatsAppOptions.Section));
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<NotificationTemplates>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationQueries>();
        services.AddScoped<ReadNotifications.Handler>();
        services.AddScoped<SendTestNotification.Handler>();
        services.AddScoped<OutboxAdmin>();
        services.AddScoped<IDeliveryChannel, InAppChannel>();
        services.AddScoped<IDeliveryChannel, EmailChannel>();
        services.AddHttpClient<WhatsAppChannel>();
        services.AddScoped<IDeliveryChannel>(sp => sp.GetRequiredService<WhatsAppChannel>());
        if (configuration.GetValue("Notifications:Outbox:Enabled", true))
            services.AddHostedService<OutboxDispatcher>();
        services.AddSingleton<OutboxDispatcherRunner>();

        services.AddNotificationTemplate(NotificationKinds.Test, "Test notification",
            "This is a test notification you sent yourself at {time}. Notifications reach you.");
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        app.MapNotificationEndpoints();
        return app;
    }
}

public static class NotificationKinds
{
    public const string Test = "system.test";
}

/// <summary>Runs one outbox pass on demand (tests and admin "retry now"); the hosted service does the rest.</summary>
public sealed class OutboxDispatcherRunner(IServiceScopeFactory scopes, OutboxSignal signal, Microsoft.Extensions.Options.IOptions<OutboxOptions> options,
    TimeProvider clock, ILogger<OutboxDispatcher> log)
{
    public Task<int> RunOnceAsync(CancellationToken ct = default) =>
        new OutboxDispatcher(scopes, signal, options, clock, log).RunOnceAsync(ct);
}
