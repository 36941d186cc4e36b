using System.Threading.RateLimiting;
using Lapak.Web.Features.Notifications;
using Microsoft.AspNetCore.RateLimiting;

namespace Lapak.Web.Features.Helpdesk.Permits;

/// <summary>Work permits (seed 002): the request rules, the PDF, downloads, revoking and the public verification page.</summary>
public static class PermitsSetup
{
    /// <summary>The rate limit of the public verification page: <c>RateLimits:VerifyPerMinute</c> per client address (120).</summary>
    public const string VerifyRateLimit = "verify";

    public static IServiceCollection AddHelpdeskPermits(this IServiceCollection services)
    {
        services.AddScoped<PermitRequestRules>();
        services.AddScoped<PermitQueries>();
        services.AddScoped<RevokePermit.Handler>();
        services.AddSingleton<PermitPdf>();
        // Codes cannot be guessed anyway; the limit keeps anyone from trying at scale. A guard checks a few visitors a minute.
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var perMinute = configuration.GetValue("RateLimits:VerifyPerMinute", 120);
            o.AddPolicy(VerifyRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter("verify:" + ctx.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1) }));
        });
        services.AddNotificationTemplate(PermitNotifications.Revoked, "The work permit of ticket {code} is revoked",
            "{actor} revoked the work permit for {branch} ({window}). Reason: {reason}. The permit is no longer valid at the gate.",
            "See my ticket");
        return services;
    }

    public static IEndpointRouteBuilder MapHelpdeskPermits(this IEndpointRouteBuilder app)
    {
        app.MapPermitEndpoints();
        return app;
    }
}
