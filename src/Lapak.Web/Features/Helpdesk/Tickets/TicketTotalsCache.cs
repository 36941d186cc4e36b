using Microsoft.Extensions.Caching.Memory;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// Totals per status and list sizes for the staff lists. Counting means walking every index entry counted: with a
/// million tickets, the closed ones alone take hundreds of milliseconds, on every page view. So staff counts are kept
/// here, and every ticket change on this instance (through <see cref="Live.TicketLive"/>) starts a new generation;
/// a change made on another instance shows within <see cref="MaxAge"/>. Customers' totals are always counted:
/// they are small.
/// </summary>
public sealed class TicketTotalsCache(IMemoryCache cache)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private long _generation;

    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>A count (the totals per status, or how many tickets a filtered list holds) of this generation.</summary>
    public async Task<T> GetOrCountAsync<T>(string key, Func<Task<T>> count) where T : notnull
    {
        var entry = (nameof(TicketTotalsCache), typeof(T), key, Volatile.Read(ref _generation));
        if (cache.TryGetValue(entry, out T? counted) && counted is not null) return counted;
        counted = await count();
        cache.Set(entry, counted, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = MaxAge });
        return counted;
    }
}
