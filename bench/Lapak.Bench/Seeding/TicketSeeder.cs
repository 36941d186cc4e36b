using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lapak.Bench.Seeding;

/// <summary>
/// Fills <c>helpdesk_tickets</c> with many tickets in one set-based INSERT … SELECT per database, so a million
/// rows take seconds rather than the hours the API would need. The mix is that of a helpdesk that has run for
/// years: most tickets closed or resolved, a few hundred to a few thousand waiting, spread over every request
/// type, priority and customer of the database, all for the demo team (the worst case for that team's lists).
/// </summary>
public sealed class TicketSeeder(string provider, string connectionString)
{
    // Out of every 1000 tickets: 5 new (unassigned, so they are in the queue), 30 open, 15 pending on the
    // customer, 50 resolved within the last five days (older ones would already be auto-closed, and closing tens of
    // thousands at start-up would load the machine during the measurement), the rest closed. Open and pending ones
    // are assigned to the team's agents.
    private const string StatusCase =
        "CASE WHEN i % 1000 < 5 THEN 'New' WHEN i % 1000 < 35 THEN 'Open' WHEN i % 1000 < 50 THEN 'PendingCustomer' " +
        "WHEN i % 1000 < 100 THEN 'Resolved' ELSE 'Closed' END";
    private const string PriorityCase =
        "CASE WHEN i % 13 = 0 THEN 'Urgent' WHEN i % 5 = 0 THEN 'High' WHEN i % 3 = 0 THEN 'Low' ELSE 'Normal' END";

    public async Task<TimeSpan> SeedAsync(int count, string teamName, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = Open();
        await connection.OpenAsync(ct);
        var team = await ScalarAsync(connection, "SELECT \"Id\" FROM accounts_teams WHERE \"Name\" = @p", ct, teamName)
                   ?? throw new BenchException($"team '{teamName}' not found (is the demo data seeded?).");
        var sqlite = provider == "Sqlite";
        // Ids of users, agents of the team and request types are picked by position, so the join stays set-based.
        var sql = sqlite ? SqliteInsert : PostgresInsert;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            command.CommandTimeout = 0;
            Add(command, "count", count);
            Add(command, "fields", "{}");
            Add(command, "team", sqlite ? team.ToString()! : Guid.Parse(team.ToString()!));
            await command.ExecuteNonQueryAsync(ct);
        }
        await using (var analyze = connection.CreateCommand())
        {
            // A million rows sit in SQLite's write-ahead log until a checkpoint folds them into the database file;
            // until then every read searches the log too. A running server would get there by itself, slowly.
            analyze.CommandText = sqlite ? "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);" : "ANALYZE";
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync(ct);
        }
        return clock.Elapsed;
    }

    private DbConnection Open() => provider == "Sqlite"
        ? new SqliteConnection(connectionString)
        : new NpgsqlConnection(connectionString);

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static async Task<object?> ScalarAsync(DbConnection c, string sql, CancellationToken ct, object value)
    {
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        Add(command, "p", value);
        return await command.ExecuteScalarAsync(ct);
    }

    // Codes: the row number written in base 29 over the ticket alphabet; unique among themselves, and as unlikely
    // to meet a random code the application hands out as two random codes are (OpenTicket retries on a clash).
    private static string CodeSql(Func<int, string> digit) =>
        string.Join(" || ", Enumerable.Range(0, 8).Select(k => $"substr('ABCDEFGHJKMNPQRSTWXYZ23456789', CAST({digit(k)} + 1 AS INTEGER), 1)"));

    private static readonly string SqliteInsert = $"""
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count),
        users AS (SELECT "Id", row_number() OVER (ORDER BY "Id") - 1 AS k FROM accounts_users),
        agents AS (SELECT "UserId" AS "Id", row_number() OVER (ORDER BY "UserId") - 1 AS k FROM accounts_team_members WHERE "TeamId" = @team),
        types AS (SELECT "Id", row_number() OVER (ORDER BY "Id") - 1 AS k FROM helpdesk_request_types),
        counts AS (SELECT (SELECT count(*) FROM users) AS u, (SELECT count(*) FROM agents) AS a, (SELECT count(*) FROM types) AS t),
        rows AS (
            SELECT i, {StatusCase} AS status, datetime('now', '-' || (i * 97 % 1051200) || ' minutes') AS created
            FROM n)
        INSERT INTO helpdesk_tickets ("Id", "Code", "RequestTypeId", "TeamId", "CustomerId", "CreatedById", "AssigneeId", "Subject",
            "Description", "FieldsJson", "Status", "Priority", "CreatedAt", "UpdatedAt", "FirstResponseAt", "ResolvedAt", "ClosedAt", "Source")
        SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12)),
            {CodeSql(k => $"(i / {(long)Math.Pow(29, k)}) % 29")},
            (SELECT "Id" FROM types WHERE k = i % counts.t), @team,
            (SELECT "Id" FROM users WHERE k = i % counts.u), (SELECT "Id" FROM users WHERE k = i % counts.u),
            CASE WHEN status = 'New' OR counts.a = 0 THEN NULL ELSE (SELECT "Id" FROM agents WHERE k = i % counts.a) END,
            'Gangguan layanan nomor ' || i, 'Tiket contoh untuk mengukur daftar dan antrean dengan satu juta tiket.', @fields,
            status, {PriorityCase}, created, created,
            CASE WHEN status = 'New' THEN NULL ELSE created END,
            CASE WHEN status = 'Closed' THEN created WHEN status = 'Resolved' THEN datetime('now', '-' || (i % 7000) || ' minutes') END,
            CASE WHEN status = 'Closed' THEN created END, 'Api'
        FROM (SELECT rows.*, lower(hex(randomblob(16))) AS h FROM rows), counts
        """;

    private static readonly string PostgresInsert = $"""
        WITH users AS (SELECT "Id", row_number() OVER (ORDER BY "Id") - 1 AS k FROM accounts_users),
        agents AS (SELECT "UserId" AS "Id", row_number() OVER (ORDER BY "UserId") - 1 AS k FROM accounts_team_members WHERE "TeamId" = @team),
        types AS (SELECT "Id", row_number() OVER (ORDER BY "Id") - 1 AS k FROM helpdesk_request_types),
        counts AS (SELECT (SELECT count(*) FROM users) AS u, (SELECT count(*) FROM agents) AS a, (SELECT count(*) FROM types) AS t),
        rows AS (
            SELECT i, {StatusCase} AS status, now() - make_interval(mins => (i * 97 % 1051200)::int) AS created
            FROM generate_series(1, @count) AS i)
        INSERT INTO helpdesk_tickets ("Id", "Code", "RequestTypeId", "TeamId", "CustomerId", "CreatedById", "AssigneeId", "Subject",
            "Description", "FieldsJson", "Status", "Priority", "CreatedAt", "UpdatedAt", "FirstResponseAt", "ResolvedAt", "ClosedAt", "Source")
        SELECT gen_random_uuid(),
            {CodeSql(k => $"(i / {(long)Math.Pow(29, k)}) % 29")},
            ty."Id", @team, u."Id", u."Id",
            CASE WHEN status = 'New' THEN NULL ELSE ag."Id" END,
            'Gangguan layanan nomor ' || i, 'Tiket contoh untuk mengukur daftar dan antrean dengan satu juta tiket.', @fields,
            status, {PriorityCase}, created, created,
            CASE WHEN status = 'New' THEN NULL ELSE created END,
            CASE WHEN status = 'Closed' THEN created WHEN status = 'Resolved' THEN now() - make_interval(mins => (i % 7000)::int) END,
            CASE WHEN status = 'Closed' THEN created END, 'Api'
        FROM rows CROSS JOIN counts
        JOIN types ty ON ty.k = rows.i % counts.t
        JOIN users u ON u.k = rows.i % counts.u
        LEFT JOIN agents ag ON ag.k = rows.i % greatest(counts.a, 1)
        """;
}
