namespace Lapak.Web.Infrastructure.Realtime;

/// <summary>
/// Lets a feature follow the connections of <see cref="LiveHub"/> (chat presence, for one) without the hub knowing
/// the feature. Register implementations as services; a failing observer is logged and never breaks the connection.
/// </summary>
public interface IHubConnectionObserver
{
    Task ConnectedAsync(Guid userId, string connectionId);
    Task DisconnectedAsync(Guid userId, string connectionId);
}
