using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Lapak.Web.Infrastructure.Realtime;

/// <summary>
/// The one hub (<c>/hubs/live</c>). Every connection joins its user's group; features add their own groups
/// (conversation, ticket, queue) through methods guarded by their access rules.
/// </summary>
[Authorize]
public sealed partial class LiveHub(IEnumerable<IHubConnectionObserver> observers, ILogger<LiveHub> log) : Hub
{
    public static string UserGroup(Guid userId) => $"user:{userId:N}";

    public override async Task OnConnectedAsync()
    {
        if (Guid.TryParse(Context.User?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(userId));
            await ObserveAsync(o => o.ConnectedAsync(userId, Context.ConnectionId));
        }
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Guid.TryParse(Context.User?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            await ObserveAsync(o => o.DisconnectedAsync(userId, Context.ConnectionId));
        await base.OnDisconnectedAsync(exception);
    }

    private async Task ObserveAsync(Func<IHubConnectionObserver, Task> call)
    {
        foreach (var observer in observers)
        {
            try { await call(observer); }
            catch (Exception e) { log.LogWarning(e, "Hub connection observer {Observer} failed", observer.GetType().Name); }
        }
    }
}

public static class RealtimeSetup
{
    public static IServiceCollection AddLapakRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024);
        var redis = configuration["Realtime:Redis"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            // Channel prefix keeps several Lapak deployments on one Redis apart.
            signalR.AddStackExchangeRedis(redis, o =>
                o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal(configuration["Realtime:ChannelPrefix"] ?? "lapak"));
        }
        return services;
    }
}
