using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapak.Web.Infrastructure.Data;

/// <summary>
/// Per-connection SQLite settings. <c>busy_timeout</c> lets SQLite itself wait for a competing writer (without
/// it Microsoft.Data.Sqlite retries after fixed 150 ms sleeps, which shows as 150 ms stalls whenever two requests
/// write at once). <c>synchronous = NORMAL</c> is the setting SQLite recommends with WAL: the database can never be
/// corrupted, but a power cut may lose the last moments of commits; in exchange a commit no longer waits for a
/// disk flush, which otherwise caps writes at the disk's flush rate. Production runs on PostgreSQL.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(ct);
    }
}
