using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Notifications;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapak.Web.Features.Chat.Safety;

/// <summary>Blocking users, reporting conversations and the admins' moderation of reports.</summary>
public static class SafetySetup
{
    public static IServiceCollection AddChatSafety(this IServiceCollection services)
    {
        services.AddScoped<BlockUser.Handler>();
        services.AddScoped<ReportConversation.Handler>();
        services.AddScoped<ModerateReport.Handler>();
        services.AddScoped<ChatReportQueries>();
        services.AddNotificationTemplate(ReportConversation.Notification, "Chat reported by {reporter}",
            "{reporter} reported a conversation with {reported}: {reason}", "Review the report");
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Chat/Safety/Admin", Policies.Admin));
        return services;
    }

    public static IEndpointRouteBuilder MapChatSafety(this IEndpointRouteBuilder app)
    {
        app.MapSafetyEndpoints();
        return app;
    }
}
