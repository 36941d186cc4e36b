using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapak.Web.Infrastructure.Data;

/// <summary>
/// Lets SQLite itself wait for a competing writer. Without it Microsoft.Data.Sqlite retries a busy database
/// after fixed 150 ms sleeps, which shows up as 150 ms stalls whenever two requests write at once.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(ct);
    }
}
