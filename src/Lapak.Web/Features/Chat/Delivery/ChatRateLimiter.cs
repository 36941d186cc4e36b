using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Chat.Delivery;

/// <summary>
/// A token bucket per sender (burst, then a steady rate), the same for the hub and the API, so a flood is refused
/// with "wait a moment" before anything is stored. Per instance: behind a load balancer a sender's limit is
/// per instance they reach, which still stops a flood.
/// </summary>
public sealed class ChatRateLimiter(IOptions<ChatOptions> options)
{
    private readonly ConcurrentDictionary<Guid, TokenBucketRateLimiter> _buckets = new();

    public bool TryAcquire(Guid sender)
    {
        var bucket = _buckets.GetOrAdd(sender, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.BurstMessages, TokensPerPeriod = options.Value.MessagesPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
        }));
        using var lease = bucket.AttemptAcquire();
        return lease.IsAcquired;
    }
}
