using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapak.Web.Features.Notifications;

/// <summary>Wakes the outbox dispatcher right after a commit that added deliveries, so in-app pushes are immediate.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Raise()
    {
        try { _signal.Release(); } catch (SemaphoreFullException) { /* already raised */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Raises <see cref="OutboxSignal"/> once new deliveries are committed: after SaveChanges when no explicit
/// transaction is open, otherwise after that transaction commits. The poll is only the fallback.
/// </summary>
public sealed class NotificationSignalInterceptor(OutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData e, InterceptionResult<int> result)
    {
        Mark(e.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result,
        CancellationToken ct = default)
    {
        Mark(e.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData e, int result)
    {
        if (e.Context?.Database.CurrentTransaction is null) Fire(e.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData e, int result, CancellationToken ct = default)
    {
        if (e.Context?.Database.CurrentTransaction is null) Fire(e.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData e) => Fire(e.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData e, CancellationToken ct = default)
    {
        Fire(e.Context);
        return Task.CompletedTask;
    }

    private static void Mark(DbContext? db)
    {
        if (db is not null && db.ChangeTracker.Entries<NotificationDelivery>().Any(x => x.State == EntityState.Added))
            Pending.AddOrUpdate(db, true);
    }

    private void Fire(DbContext? db)
    {
        if (db is not null && Pending.Remove(db)) signal.Raise();
    }
}
