using Lapak.Web.Features.Helpdesk.Sla;
using Lapak.Web.Features.Helpdesk.Tickets;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Formatting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Helpdesk.Reports;

public sealed class ReportOptions
{
    public const string Section = "Helpdesk:Reports";

    /// <summary>How often the report facts catch up with changed tickets.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one computed report is served again to the same scope and filters.</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Keeps <see cref="TicketReportFact"/> in step with the tickets: every ticket whose UpdatedAt is at or after the
/// newest one already measured (less a margin for writes that committed late), and every ticket rated since the newest
/// rating measured, is measured again. No write path of the tickets changes for it; re-measuring is idempotent.
/// </summary>
public sealed class ReportFactsUpdater(IServiceScopeFactory scopes)
{
    private const int BatchSize = 500;
    // A transaction that stamped UpdatedAt a little before another one committed must not fall behind the watermark.
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);
    private static readonly TicketStatus[] Unresolved = [TicketStatus.New, TicketStatus.Open, TicketStatus.PendingCustomer, TicketStatus.AwaitingApproval];

    // Two runs at once in one process would insert the same new rows; runs in two instances conflict at worst once and
    // the next run repairs it.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Measures what changed; returns how many tickets were measured. <paramref name="sweepDeleted"/> also drops deleted tickets.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct, bool sweepDeleted = true)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LapakDbContext>();
            var facts = db.Set<TicketReportFact>();
            var since = (await facts.MaxAsync(f => (DateTime?)f.SourceUpdatedAt, ct))?.Subtract(Margin) ?? DateTime.MinValue;
            var ratedSince = (await facts.MaxAsync(f => f.RatedAt, ct))?.Subtract(Margin) ?? DateTime.MinValue;
            var calendars = await ReportCalendars.LoadAsync(db, ct);
            var measured = new HashSet<Guid>();

            // Walk the changed tickets oldest change first; ties on the last instant of a batch are taken whole, so the
            // cursor can move strictly past it.
            var cursor = since == DateTime.MinValue ? since : since.AddTicks(-1);
            while (true)
            {
                var from = cursor;
                var batch = await db.Set<Ticket>().AsNoTracking().Where(t => t.UpdatedAt > from)
                    .OrderBy(t => t.UpdatedAt).Take(BatchSize).ToListAsync(ct);
                if (batch.Count == 0) break;
                var last = batch[^1].UpdatedAt;
                if (batch.Count == BatchSize)
                {
                    var known = batch.Select(t => t.Id).ToHashSet();
                    batch.AddRange((await db.Set<Ticket>().AsNoTracking().Where(t => t.UpdatedAt == last).ToListAsync(ct)).Where(t => !known.Contains(t.Id)));
                }
                await MeasureAsync(db, batch, calendars, ct);
                measured.UnionWith(batch.Select(t => t.Id));
                cursor = last;
                if (batch.Count < BatchSize) break;
            }

            // A rating does not touch the ticket, so rated tickets are found by the rating's own time.
            var rated = await db.Set<TicketRating>().AsNoTracking().Where(r => r.CreatedAt >= ratedSince)
                .Select(r => r.TicketId).Distinct().ToListAsync(ct);
            foreach (var chunk in rated.Where(id => !measured.Contains(id)).Chunk(BatchSize))
            {
                var tickets = await db.Set<Ticket>().AsNoTracking().Where(t => chunk.Contains(t.Id)).ToListAsync(ct);
                await MeasureAsync(db, tickets, calendars, ct);
                measured.UnionWith(chunk);
            }

            // Deleting a ticket leaves UpdatedAt alone; its row goes here. A scan, so the service does it now and then.
            if (sweepDeleted)
            {
                var deleted = db.Set<Ticket>().IgnoreQueryFilters().Where(t => t.DeletedAt != null).Select(t => t.Id);
                await facts.Where(f => deleted.Contains(f.TicketId)).ExecuteDeleteAsync(ct);
            }
            return measured.Count;
        }
        finally { _gate.Release(); }
    }

    private static async Task MeasureAsync(LapakDbContext db, IReadOnlyList<Ticket> tickets, ReportCalendars calendars, CancellationToken ct)
    {
        if (tickets.Count == 0) return;
        var ids = tickets.Select(t => t.Id).ToList();
        // The same pauses as the SLA clock (waiting on the customer, sitting resolved until reopened), so a business
        // time in the reports is the one the due times were set by.
        var created = tickets.ToDictionary(t => t.Id, t => t.CreatedAt);
        var pauses = (await db.Set<TicketEvent>().AsNoTracking()
                .Where(e => ids.Contains(e.TicketId) && e.Kind == TicketEventKind.StatusChanged)
                .Select(e => new { e.TicketId, e.At, e.NewValue }).ToListAsync(ct))
            .GroupBy(e => e.TicketId)
            .ToDictionary(g => g.Key, g => SlaClock.PausesOf(created[g.Key], g.Select(e => (e.At, e.NewValue))));
        var ratings = (await db.Set<TicketRating>().AsNoTracking().Where(r => ids.Contains(r.TicketId))
                .Select(r => new { r.TicketId, r.Score, r.CreatedAt }).ToListAsync(ct))
            .GroupBy(r => r.TicketId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.CreatedAt).First());
        var existing = await db.Set<TicketReportFact>().Where(f => ids.Contains(f.TicketId)).ToDictionaryAsync(f => f.TicketId, ct);

        foreach (var t in tickets)
        {
            if (!existing.TryGetValue(t.Id, out var fact))
            {
                fact = new TicketReportFact { TicketId = t.Id };
                db.Add(fact);
            }
            var rating = ratings.GetValueOrDefault(t.Id);
            Fill(fact, t, pauses.GetValueOrDefault(t.Id) ?? [], rating is null ? null : (rating.Score, rating.CreatedAt),
                calendars.For(t.TeamId, t.BranchId));
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    public static void Fill(TicketReportFact f, Ticket t, IReadOnlyList<ClockPause> pauses, (int Score, DateTime At)? rating, BusinessHours hours)
    {
        f.CreatedAt = t.CreatedAt;
        f.CreatedDay = DateOnly.FromDateTime(Display.ToJakarta(t.CreatedAt));
        f.TeamId = t.TeamId;
        f.BranchId = t.BranchId;
        f.RequestTypeId = t.RequestTypeId;
        f.AssigneeId = t.AssigneeId;
        f.Status = t.Status;
        f.Priority = t.Priority;
        f.IsOpen = Unresolved.Contains(t.Status);
        f.FirstResponseAt = t.FirstResponseAt;
        f.FirstResponseSeconds = t.FirstResponseAt is { } fr ? Seconds(fr - t.CreatedAt) : null;
        f.FirstResponseBusinessSeconds = t.FirstResponseAt is { } fr2 ? Seconds(hours.Elapsed(t.CreatedAt, fr2, pauses)) : null;
        f.ResolvedAt = f.IsOpen ? null : t.ResolvedAt ?? t.ClosedAt;
        f.ResolutionSeconds = f.ResolvedAt is { } r ? Seconds(r - t.CreatedAt) : null;
        f.ResolutionBusinessSeconds = f.ResolvedAt is { } r2 ? Seconds(hours.Elapsed(t.CreatedAt, r2, pauses)) : null;
        f.FirstResponseDueAt = t.FirstResponseDueAt;
        f.ResolutionDueAt = t.ResolutionDueAt;
        f.Rating = rating?.Score;
        f.RatedAt = rating?.At;
        f.SourceUpdatedAt = t.UpdatedAt;
    }

    private static long Seconds(TimeSpan span) => Math.Max(0, (long)Math.Round(span.TotalSeconds));
}

/// <summary>Runs the updater every <see cref="ReportOptions.RefreshInterval"/>; deleted tickets are swept every tenth run.</summary>
public sealed class ReportFactsService(ReportFactsUpdater updater, IOptions<ReportOptions> options, TimeProvider clock,
    ILogger<ReportFactsService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var run = 0; !stoppingToken.IsCancellationRequested; run++)
        {
            try
            {
                var measured = await updater.CatchUpAsync(stoppingToken, sweepDeleted: run % 10 == 0);
                if (measured > 0) log.LogDebug("Report facts: measured {Count} tickets", measured);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex) { log.LogError(ex, "Updating the report facts failed"); }
            try { await Task.Delay(options.Value.RefreshInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
