using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Infrastructure.Data;

/// <summary>
/// Recognises the database refusing a transaction because a concurrent one changed what it read:
/// PostgreSQL's serialization failure (40001) under SERIALIZABLE, SQLite's busy/locked database, and EF Core's
/// optimistic concurrency failure. Callers turn these into "someone else changed this, try again".
/// </summary>
public static class ConcurrencyConflicts
{
    public static bool IsConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbUpdateConcurrencyException) return true;
            if (e is Npgsql.PostgresException { SqlState: "40001" or "40P01" }) return true;
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }) return true; // BUSY, LOCKED
        }
        return false;
    }
}
