using Lapak.Web.Infrastructure.Realtime;

namespace Lapak.Web.Features.Chat.Presence;

/// <summary>Online / last seen: connection rows written from the hub, refreshed and swept per instance.</summary>
public static class PresenceSetup
{
    public static IServiceCollection AddChatPresence(this IServiceCollection services)
    {
        services.AddSingleton<ChatInstance>();
        services.AddScoped<IHubConnectionObserver, ChatPresenceObserver>();
        services.AddSingleton<PresenceSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<PresenceSweeper>());
        return services;
    }
}
