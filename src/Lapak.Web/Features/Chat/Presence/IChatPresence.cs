namespace Lapak.Web.Features.Chat.Presence;

/// <summary>Whether users are online now, and when they were last seen, as every instance agrees on it.</summary>
public interface IChatPresence
{
    Task<IReadOnlyDictionary<Guid, PresenceState>> GetAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct = default);
}

public sealed record PresenceState(bool Online, DateTime? LastSeenAt);
