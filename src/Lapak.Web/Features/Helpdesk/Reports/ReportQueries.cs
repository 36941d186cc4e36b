using Lapak.Web.Features.Accounts;
using System.Globalization;
using System.Security.Claims;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Helpdesk.Reports;

/// <summary>
/// The report figures, aggregated in the database over <see cref="TicketReportFact"/> (GROUP BY, never a period of rows
/// in memory); percentiles come from per-minute histograms. A computed section is served again for
/// <see cref="ReportOptions.CacheFor"/> per scope, filters and language (then refreshed behind the reader), since the facts lag by a minute.
/// </summary>
public sealed class ReportQueries(LapakDbContext db, ReportScope scope, LapakText text, TimeProvider clock, IMemoryCache cache,
    IOptions<ReportOptions> options, IServiceScopeFactory scopes, ILogger<ReportQueries> log)
{
    private sealed class Entry<T>(T value, DateTime at)
    {
        public T Value { get; } = value;
        public DateTime At { get; } = at;
        public int Refreshing;
    }

    /// <summary>
    /// Serves a computed section again to the same scope, filters and language. Once older than
    /// <see cref="ReportOptions.CacheFor"/> it is still served, once, while a fresh one is computed in the background, so only
    /// the first reader of a report (or one after half an hour without readers) waits for the computation.
    /// </summary>
    private async Task<T> Cached<T>(string kind, ClaimsPrincipal user, ReportFilter filter, Func<ReportQueries, CancellationToken, Task<T>> compute,
        CancellationToken ct)
    {
        var ttl = options.Value.CacheFor;
        if (ttl <= TimeSpan.Zero) return await compute(this, ct);
        var key = $"reports:{kind}:{ReportScope.Key(user)}:{filter.Key}:{LapakCultures.Current}";
        if (cache.TryGetValue(key, out Entry<T>? hit) && hit is not null)
        {
            if (Now - hit.At > ttl && Interlocked.Exchange(ref hit.Refreshing, 1) == 0) _ = RefreshAsync(key, compute);
            return hit.Value;
        }
        var value = await compute(this, ct);
        Store(key, value);
        return value;
    }

    private void Store<T>(string key, T value) =>
        cache.Set(key, new Entry<T>(value, Now), new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30) });

    private async Task RefreshAsync<T>(string key, Func<ReportQueries, CancellationToken, Task<T>> compute)
    {
        try
        {
            // The request's scope (and its DbContext) ends with the request; the refresh gets a scope of its own.
            await using var background = scopes.CreateAsyncScope();
            var queries = background.ServiceProvider.GetRequiredService<ReportQueries>();
            Store(key, await compute(queries, CancellationToken.None));
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Refreshing the cached report {Key} failed; the next reader computes it", key);
            cache.Remove(key);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<VolumeReport> VolumeAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken ct) =>
        Cached(ReportKinds.Volume, user, filter, (q, c) => q.ComputeVolumeAsync(user, filter, c), ct);

    private async Task<VolumeReport> ComputeVolumeAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken ct)
    {
        var (from, to) = (filter.FromUtc, filter.ToUtc);
        var q = scope.Facts(user, filter).Where(f => f.CreatedAt >= from && f.CreatedAt < to);
        // One pass over the period, grouped by every dimension at once; the few thousand groups are summed here.
        var groups = await q.GroupBy(f => new { f.CreatedDay, f.RequestTypeId, f.Status, f.Priority, f.TeamId, f.BranchId })
            .Select(g => new { g.Key.CreatedDay, g.Key.RequestTypeId, g.Key.Status, g.Key.Priority, g.Key.TeamId, g.Key.BranchId, Count = g.Count() })
            .ToListAsync(ct);
        var perDay = groups.GroupBy(x => x.CreatedDay).Select(g => new { Day = g.Key, Count = g.Sum(x => x.Count) }).ToList();
        var byType = groups.GroupBy(x => x.RequestTypeId).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToList();
        var byStatus = groups.GroupBy(x => x.Status).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToList();
        var byPriority = groups.GroupBy(x => x.Priority).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToList();
        var byTeam = groups.GroupBy(x => x.TeamId).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToList();
        var byBranch = groups.GroupBy(x => x.BranchId).Select(g => new { g.Key, Count = g.Sum(x => x.Count) }).ToList();
        var names = await NamesAsync(ct);

        var interval = filter.Days <= 62 ? "day" : filter.Days <= 190 ? "week" : "month";
        var counts = perDay.ToDictionary(d => d.Day, d => d.Count);
        var periods = new List<NamedCount>();
        for (var day = filter.From; day <= filter.To; day = day.AddDays(1))
        {
            var start = interval switch
            {
                "week" => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
                "month" => new DateOnly(day.Year, day.Month, 1),
                _ => day,
            };
            var key = interval == "month" ? start.ToString("yyyy-MM", CultureInfo.InvariantCulture) : start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var n = counts.GetValueOrDefault(day);
            if (periods.Count > 0 && periods[^1].Key == key) periods[^1] = periods[^1] with { Count = periods[^1].Count + n };
            else periods.Add(new NamedCount(key, key, n));
        }
        var statuses = Enum.GetValues<TicketStatus>().Select(s => new NamedCount(s.ToString(), TicketLabels.Status(s, text),
            byStatus.FirstOrDefault(x => x.Key == s)?.Count ?? 0)).ToList();
        var priorities = Enum.GetValues<TicketPriority>().Select(p => new NamedCount(p.ToString(), TicketLabels.Priority(p, text),
            byPriority.FirstOrDefault(x => x.Key == p)?.Count ?? 0)).ToList();
        return new VolumeReport(perDay.Sum(d => d.Count), interval, periods,
            Sorted(byType.Select(x => new NamedCount(x.Key.ToString(), names.Type(x.Key), x.Count))),
            statuses, priorities,
            Sorted(byTeam.Select(x => new NamedCount(x.Key?.ToString() ?? "", names.Team(x.Key), x.Count))),
            Sorted(byBranch.Select(x => new NamedCount(x.Key?.ToString() ?? "", names.Branch(x.Key), x.Count))));
    }

    private static List<NamedCount> Sorted(IEnumerable<NamedCount> rows) => [.. rows.OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.CurrentCulture)];

    public Task<ResponseTimesReport> ResponseTimesAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken ct) =>
        Cached(ReportKinds.ResponseTimes, user, filter, (q, c) => q.ComputeResponseTimesAsync(user, filter, c), ct);

    private async Task<ResponseTimesReport> ComputeResponseTimesAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken ct)
    {
        var (from, to) = (filter.FromUtc, filter.ToUtc);
        var facts = scope.Facts(user, filter);
        var responded = facts.Where(f => f.CreatedAt >= from && f.CreatedAt < to && f.FirstResponseSeconds != null);
        var resolved = facts.Where(f => f.ResolvedAt >= from && f.ResolvedAt < to && f.ResolutionSeconds != null);

        // Each histogram also sums its exact seconds, so the counts and means come from the same four passes.
        var frClock = await HistogramAsync(responded.Select(f => f.FirstResponseSeconds ?? 0), ct);
        var frBusiness = await HistogramAsync(responded.Select(f => f.FirstResponseBusinessSeconds ?? 0), ct);
        var resClock = await HistogramAsync(resolved.Select(f => f.ResolutionSeconds ?? 0), ct);
        var resBusiness = await HistogramAsync(resolved.Select(f => f.ResolutionBusinessSeconds ?? 0), ct);
        return new ResponseTimesReport(Stats(frClock, frBusiness), Stats(resClock, resBusiness),
            Buckets(frBusiness), Buckets(resBusiness));
    }

    private static readonly (long UpToMinutes, string Label)[] DurationBuckets =
    [
        (60, "Under 1 hour"), (4 * 60, "1–4 hours"), (8 * 60, "4–8 hours"), (24 * 60, "8–24 hours"), (72 * 60, "1–3 days"),
        (long.MaxValue, "3 days or more"),
    ];

    /// <summary>
    /// How many durations fall on each whole minute (rounded down) and their exact sum in seconds, smallest first: one
    /// GROUP BY instead of a sort of every row.
    /// </summary>
    private static async Task<List<(long Minute, int Count, long Seconds)>> HistogramAsync(IQueryable<long> seconds, CancellationToken ct) =>
        [.. (await seconds.GroupBy(s => s / 60).Select(g => new { Minute = g.Key, Count = g.Count(), Seconds = g.Sum() }).ToListAsync(ct))
            .OrderBy(x => x.Minute).Select(x => (x.Minute, x.Count, x.Seconds))];

    private List<NamedCount> Buckets(List<(long Minute, int Count, long Seconds)> histogram)
    {
        var lower = 0L;
        var result = new List<NamedCount>();
        foreach (var (upTo, label) in DurationBuckets)
        {
            var from = lower;
            result.Add(new NamedCount(result.Count.ToString(CultureInfo.InvariantCulture), text.Get(label),
                histogram.Where(h => h.Minute >= from && h.Minute < upTo).Sum(h => h.Count)));
            lower = upTo;
        }
        return result;
    }

    private static DurationStats Stats(List<(long Minute, int Count, long Seconds)> clock, List<(long Minute, int Count, long Seconds)> business)
    {
        var n = clock.Sum(h => h.Count);
        if (n == 0) return new DurationStats(0, null, null, null, null, null, null);
        List<(long, int)> Bins(List<(long Minute, int Count, long Seconds)> h) => [.. h.Select(x => (x.Minute, x.Count))];
        return new DurationStats(n, Minutes((double)clock.Sum(h => h.Seconds) / n), Percentile(Bins(clock), 0.5), Percentile(Bins(clock), 0.9),
            Minutes((double)business.Sum(h => h.Seconds) / n), Percentile(Bins(business), 0.5), Percentile(Bins(business), 0.9));
    }

    /// <summary>
    /// percentile_cont over the whole minutes: the value at rank p·(n−1) of the ordered values, between its two neighbours
    /// linearly. Exact for durations in whole minutes; otherwise within a minute.
    /// </summary>
    public static double? Percentile(IReadOnlyList<(long Minute, int Count)> histogram, double p)
    {
        var n = histogram.Sum(h => h.Count);
        if (n == 0) return null;
        var h = p * (n - 1);
        var lo = (long)Math.Floor(h);
        double At(long rank)
        {
            long seen = 0;
            foreach (var (minute, count) in histogram)
            {
                seen += count;
                if (rank < seen) return minute;
            }
            return histogram[^1].Minute;
        }
        var a = At(lo);
        var b = At(Math.Min(lo + 1, n - 1));
        return Math.Round(a + (h - lo) * (b - a), 1, MidpointRounding.AwayFromZero);
    }

    public static double Minutes(double seconds) => Math.Round(seconds / 60, 1, MidpointRounding.AwayFromZero);

    public Task<SlaReport> SlaAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken ct) =>
        Cached(ReportKinds.Sla, user, filter, (q, c) => q.ComputeSlaAsync(user, filter, c), ct);

    private async Task<SlaReport> ComputeSlaAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken ct)
    {
        var (from, to, now) = (filter.FromUtc, filter.ToUtc, Now);
        var facts = scope.Facts(user, filter);
        var first = await facts.Where(f => f.FirstResponseDueAt >= from && f.FirstResponseDueAt < to).GroupBy(_ => 1).Select(g => new
        {
            Met = g.Count(f => f.FirstResponseAt != null && f.FirstResponseAt <= f.FirstResponseDueAt),
            Missed = g.Count(f => (f.FirstResponseAt != null && f.FirstResponseAt > f.FirstResponseDueAt) || (f.FirstResponseAt == null && f.FirstResponseDueAt < now)),
            Running = g.Count(f => f.FirstResponseAt == null && f.FirstResponseDueAt >= now),
        }).FirstOrDefaultAsync(ct);
        var resolution = await facts.Where(f => f.ResolutionDueAt >= from && f.ResolutionDueAt < to).GroupBy(_ => 1).Select(g => new
        {
            Met = g.Count(f => f.ResolvedAt != null && f.ResolvedAt <= f.ResolutionDueAt),
            Missed = g.Count(f => (f.ResolvedAt != null && f.ResolvedAt > f.ResolutionDueAt) || (f.ResolvedAt == null && f.ResolutionDueAt < now)),
            Running = g.Count(f => f.ResolvedAt == null && f.ResolutionDueAt >= now),
        }).FirstOrDefaultAsync(ct);
        static SlaFigure Of(int met, int missed, int running) =>
            new(met, missed, running, met + missed == 0 ? null : Math.Round(100.0 * met / (met + missed), 1, MidpointRounding.AwayFromZero));
        return new SlaReport(first is null ? Of(0, 0, 0) : Of(first.Met, first.Missed, first.Running),
            resolution is null ? Of(0, 0, 0) : Of(resolution.Met, resolution.Missed, resolution.Running));
    }

    public Task<SatisfactionReport> SatisfactionAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken ct) =>
        Cached(ReportKinds.Satisfaction, user, filter, (q, c) => q.ComputeSatisfactionAsync(user, filter, c), ct);

    private async Task<SatisfactionReport> ComputeSatisfactionAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken ct)
    {
        var (from, to) = (filter.FromUtc, filter.ToUtc);
        var facts = scope.Facts(user, filter);
        var scores = await facts.Where(f => f.RatedAt >= from && f.RatedAt < to && f.Rating != null)
            .GroupBy(f => f.Rating!.Value).Select(g => new { Score = g.Key, Count = g.Count() }).ToListAsync(ct);
        var n = scores.Sum(s => s.Count);
        var distribution = Enumerable.Range(1, 5).Select(s => new NamedCount(s.ToString(CultureInfo.InvariantCulture),
            s.ToString(CultureInfo.InvariantCulture), scores.FirstOrDefault(x => x.Score == s)?.Count ?? 0)).ToList();
        var (start, end) = (from, to);
        var comments = await (from r in db.Set<TicketRating>().AsNoTracking()
                              join t in db.Set<Ticket>() on r.TicketId equals t.Id
                              where r.CreatedAt >= start && r.CreatedAt < end && r.Comment != null && r.Comment != ""
                                    && facts.Any(f => f.TicketId == r.TicketId)
                              orderby r.CreatedAt descending
                              select new { t.Code, r.Score, r.Comment, r.CreatedAt }).Take(20).ToListAsync(ct);
        return new SatisfactionReport(n,
            n == 0 ? null : Math.Round((double)scores.Sum(s => s.Score * s.Count) / n, 2, MidpointRounding.AwayFromZero),
            n == 0 ? null : Math.Round(100.0 * scores.Where(s => s.Score >= 4).Sum(s => s.Count) / n, 1, MidpointRounding.AwayFromZero),
            distribution, [.. comments.Select(c => new RatingComment(TicketCode.Display(c.Code), c.Score, c.Comment!, c.CreatedAt))]);
    }

    public Task<AgentsReport> AgentsAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken ct) =>
        Cached(ReportKinds.Agents, user, filter, (q, c) => q.ComputeAgentsAsync(user, filter, c), ct);

    private async Task<AgentsReport> ComputeAgentsAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken ct)
    {
        var (from, to) = (filter.FromUtc, filter.ToUtc);
        var facts = scope.Facts(user, filter).Where(f => f.AssigneeId != null);
        var assigned = await facts.Where(f => f.CreatedAt >= from && f.CreatedAt < to).GroupBy(f => f.AssigneeId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count(), Responded = g.Count(f => f.FirstResponseBusinessSeconds != null), Sum = g.Sum(f => f.FirstResponseBusinessSeconds ?? 0) })
            .ToListAsync(ct);
        var resolved = await facts.Where(f => f.ResolvedAt >= from && f.ResolvedAt < to).GroupBy(f => f.AssigneeId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count(), Sum = g.Sum(f => f.ResolutionBusinessSeconds ?? 0) }).ToListAsync(ct);
        var open = await facts.Where(f => f.IsOpen).GroupBy(f => f.AssigneeId!.Value).Select(g => new { Id = g.Key, Count = g.Count() }).ToListAsync(ct);
        var rated = await facts.Where(f => f.RatedAt >= from && f.RatedAt < to && f.Rating != null).GroupBy(f => f.AssigneeId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count(), Sum = g.Sum(f => f.Rating ?? 0) }).ToListAsync(ct);
        var ids = assigned.Select(a => a.Id).Concat(resolved.Select(r => r.Id)).Concat(open.Select(o => o.Id)).Concat(rated.Select(r => r.Id)).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var rows = ids.Select(id =>
        {
            var a = assigned.FirstOrDefault(x => x.Id == id);
            var r = resolved.FirstOrDefault(x => x.Id == id);
            var rt = rated.FirstOrDefault(x => x.Id == id);
            return new AgentRow(id, people.GetValueOrDefault(id) ?? "?", a?.Count ?? 0, r?.Count ?? 0, open.FirstOrDefault(x => x.Id == id)?.Count ?? 0,
                a is { Responded: > 0 } ? Minutes((double)a.Sum / a.Responded) : null,
                r is { Count: > 0 } ? Minutes((double)r.Sum / r.Count) : null,
                rt is { Count: > 0 } ? Math.Round((double)rt.Sum / rt.Count, 2, MidpointRounding.AwayFromZero) : null, rt?.Count ?? 0);
        }).OrderByDescending(r => r.Resolved).ThenByDescending(r => r.Assigned).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        return new AgentsReport(rows);
    }

    private static readonly (int Days, string Label)[] AgeBuckets =
        [(1, "Under 1 day"), (3, "1–3 days"), (7, "3–7 days"), (30, "7–30 days"), (int.MaxValue, "30 days or more")];

    public Task<BacklogReport> BacklogAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken ct) =>
        Cached(ReportKinds.Backlog, user, filter, (q, c) => q.ComputeBacklogAsync(user, filter, c), ct);

    private async Task<BacklogReport> ComputeBacklogAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken ct)
    {
        var now = Now;
        DateTime d1 = now.AddDays(-1), d3 = now.AddDays(-3), d7 = now.AddDays(-7), d30 = now.AddDays(-30);
        var row = await scope.Facts(user, filter).Where(f => f.IsOpen).GroupBy(_ => 1).Select(g => new
        {
            A = g.Count(f => f.CreatedAt > d1), B = g.Count(f => f.CreatedAt <= d1 && f.CreatedAt > d3), C = g.Count(f => f.CreatedAt <= d3 && f.CreatedAt > d7),
            D = g.Count(f => f.CreatedAt <= d7 && f.CreatedAt > d30), E = g.Count(f => f.CreatedAt <= d30),
        }).FirstOrDefaultAsync(ct);
        int[] counts = row is null ? [0, 0, 0, 0, 0] : [row.A, row.B, row.C, row.D, row.E];
        return new BacklogReport(counts.Sum(), [.. AgeBuckets.Select((b, i) => new NamedCount(i.ToString(CultureInfo.InvariantCulture), text.Get(b.Label), counts[i]))]);
    }

    /// <summary>The tickets created in the period, oldest first: the first <paramref name="limit"/> and how many there are.</summary>
    public async Task<TicketListReport> TicketListAsync(ClaimsPrincipal user, ReportFilter filter, int limit, CancellationToken ct)
    {
        var (from, to) = (filter.FromUtc, filter.ToUtc);
        var facts = scope.Facts(user, filter).Where(f => f.CreatedAt >= from && f.CreatedAt < to);
        var total = await facts.CountAsync(ct);
        var rows = new List<TicketListRow>();
        await foreach (var row in TicketRowsAsync(facts, ct))
        {
            if (rows.Count >= limit) break;
            rows.Add(row);
        }
        return new TicketListReport(total, rows);
    }

    /// <summary>Every ticket of the period, streamed (the CSV download of a year does not sit in memory).</summary>
    public IAsyncEnumerable<TicketListRow> TicketRowsAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken ct)
    {
        var (from, to) = (filter.FromUtc, filter.ToUtc);
        return TicketRowsAsync(scope.Facts(user, filter).Where(f => f.CreatedAt >= from && f.CreatedAt < to), ct);
    }

    private async IAsyncEnumerable<TicketListRow> TicketRowsAsync(IQueryable<TicketReportFact> facts,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var names = await NamesAsync(ct);
        var assignees = facts.Where(f => f.AssigneeId != null).Select(f => f.AssigneeId!.Value).Distinct();
        var people = await db.Users.AsNoTracking().Where(u => assignees.Contains(u.Id)).Select(u => new { u.Id, u.FullName })
            .ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var query = from f in facts
                    join t in db.Set<Ticket>() on f.TicketId equals t.Id
                    orderby f.CreatedAt
                    select new { t.Code, f.CreatedAt, f.RequestTypeId, f.TeamId, f.BranchId, f.Status, f.Priority, f.AssigneeId, f.FirstResponseAt, f.ResolvedAt, f.Rating };
        await foreach (var p in query.AsAsyncEnumerable().WithCancellation(ct))
            yield return new TicketListRow(TicketCode.Display(p.Code), p.CreatedAt, names.Type(p.RequestTypeId), p.TeamId is null ? null : names.Team(p.TeamId),
                p.BranchId is null ? null : names.Branch(p.BranchId), TicketLabels.Status(p.Status, text), TicketLabels.Priority(p.Priority, text),
                p.AssigneeId is { } a ? people.GetValueOrDefault(a) : null, p.FirstResponseAt, p.ResolvedAt, p.Rating);
    }

    private sealed record Names(Dictionary<Guid, string> Types, Dictionary<Guid, string> Teams, Dictionary<Guid, string> Branches, string None)
    {
        public string Type(Guid id) => Types.GetValueOrDefault(id) ?? "?";
        public string Team(Guid? id) => id is { } t ? Teams.GetValueOrDefault(t) ?? "?" : None;
        public string Branch(Guid? id) => id is { } b ? Branches.GetValueOrDefault(b) ?? "?" : None;
    }

    private async Task<Names> NamesAsync(CancellationToken ct)
    {
        var language = LapakCultures.Current;
        var types = await db.Set<RequestType>().AsNoTracking().Select(t => new { t.Id, t.NameId, t.NameEn }).ToListAsync(ct);
        var teams = await db.Set<Team>().AsNoTracking().Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var branches = await db.Set<Branch>().AsNoTracking().Select(b => new { b.Id, b.Name }).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        return new Names(types.ToDictionary(t => t.Id, t => language == "en" ? t.NameEn : t.NameId), teams, branches, text.Get("None"));
    }
}
