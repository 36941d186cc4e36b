using Lapak.Web.Features.Accounts.People;
using Lapak.Web.Infrastructure.Startup;

namespace Lapak.Web.Features.Chat.Analytics;

/// <summary>Response analytics, the public profile that shows them, and the chat demo data they are first seen on.</summary>
public static class ChatAnalyticsSetup
{
    public static IServiceCollection AddChatAnalytics(this IServiceCollection services)
    {
        services.AddScoped<ChatAnalytics>();
        services.AddScoped<PersonProfile>();
        services.AddScoped<IDemoDataSeeder, ChatDemoData>();
        return services;
    }

    public static IEndpointRouteBuilder MapChatAnalytics(this IEndpointRouteBuilder app)
    {
        app.MapAnalyticsEndpoints();
        app.MapPeopleEndpoints();
        return app;
    }
}
