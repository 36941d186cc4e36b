using Microsoft.Extensions.Caching.Memory;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// Totals per status for the staff lists. Counting a status means walking every index entry of it: with a million
/// tickets, the closed ones alone take hundreds of milliseconds, on every page view. So staff totals are kept
/// here, and every ticket change on this instance (through <see cref="Live.TicketLive"/>) starts a new generation;
/// a change made on another instance shows within <see cref="MaxAge"/>. Customers' totals are always counted:
/// they are small.
/// </summary>
public sealed class TicketTotalsCache(IMemoryCache cache)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private long _generation;

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async Task<Dictionary<TicketStatus, int>> GetOrCountAsync(string key, Func<Task<Dictionary<TicketStatus, int>>> count)
    {
        var entry = (nameof(TicketTotalsCache), key, Volatile.Read(ref _generation));
        if (cache.TryGetValue(entry, out Dictionary<TicketStatus, int>? totals) && totals is not null) return totals;
        totals = await count();
        cache.Set(entry, totals, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = MaxAge });
        return totals;
    }
}
