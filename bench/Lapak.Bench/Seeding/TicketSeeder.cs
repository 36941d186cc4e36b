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
    // A first response 1 minute to 4 hours after creation; a resolution 30 minutes to 3 days after it (the reports read these).
    private const string FirstResponseMinutes = "i * 7 % 240 + 1";
    private const string ResolutionMinutes = "i * 37 % 4320 + 30";
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

    /// <summary>
    /// For the reports: ratings on every third closed seeded ticket (half of them 5, a third 4, the rest 3 to 1), and the
    /// report facts of every seeded ticket written set-based, as the facts updater would write them (business time here
    /// is clock time × 9/24, an office day's share; the updater works it out from the calendar). The updater's watermark is
    /// the newest UpdatedAt it measured; the running updater may measure the newest seeded tickets at the same time, and on
    /// PostgreSQL the two inserts of the same rows can deadlock, so the (idempotent) facts insert is tried again then.
    /// </summary>
    public async Task<TimeSpan> SeedReportsAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = Open();
        await connection.OpenAsync(ct);
        var sqlite = provider == "Sqlite";
        foreach (var sql in sqlite ? new[] { SqliteRatings, SqliteFacts, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);" } : [PostgresRatings, PostgresFacts, "ANALYZE"])
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.CommandTimeout = 0;
                try
                {
                    await command.ExecuteNonQueryAsync(ct);
                    break;
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DeadlockDetected && sql == PostgresFacts && attempt < 5) { }
            }
        }
        return clock.Elapsed;
    }

    private const string Seeded = "t.\"Subject\" LIKE 'Gangguan layanan nomor %'";
    private const string SeedNumber = "CAST(substr(t.\"Subject\", 24) AS INTEGER)";
    private const string ScoreCase = "CASE WHEN n / 3 % 20 < 10 THEN 5 WHEN n / 3 % 20 < 16 THEN 4 WHEN n / 3 % 20 < 18 THEN 3 WHEN n / 3 % 20 = 18 THEN 2 ELSE 1 END";

    private static readonly string SqliteRatings = $"""
        INSERT INTO helpdesk_ticket_ratings ("Id", "TicketId", "CustomerId", "ResolvedAt", "Score", "Comment", "CreatedAt", "AgentId")
        SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12)),
            "Id", "CustomerId", "ResolvedAt", {ScoreCase}, CASE WHEN n % 9 = 0 THEN 'Terima kasih, cepat ditangani.' END,
            min(datetime("ResolvedAt", '+1 hours'), datetime('now')), "AssigneeId"
        FROM (SELECT t.*, {SeedNumber} AS n, lower(hex(randomblob(16))) AS h FROM helpdesk_tickets t
              WHERE {Seeded} AND t."Status" = 'Closed' AND t."ResolvedAt" IS NOT NULL) WHERE n % 3 = 0
        """;

    private static readonly string PostgresRatings = $"""
        INSERT INTO helpdesk_ticket_ratings ("Id", "TicketId", "CustomerId", "ResolvedAt", "Score", "Comment", "CreatedAt", "AgentId")
        SELECT gen_random_uuid(), "Id", "CustomerId", "ResolvedAt", {ScoreCase}, CASE WHEN n % 9 = 0 THEN 'Terima kasih, cepat ditangani.' END,
            least("ResolvedAt" + interval '1 hour', now()), "AssigneeId"
        FROM (SELECT t.*, CAST(substr(t."Subject", 24) AS INTEGER) AS n FROM helpdesk_tickets t
              WHERE {Seeded} AND t."Status" = 'Closed' AND t."ResolvedAt" IS NOT NULL) s WHERE n % 3 = 0
        """;

    private const string FactColumns = """
        INSERT INTO helpdesk_report_facts ("TicketId", "CreatedAt", "CreatedDay", "TeamId", "BranchId", "RequestTypeId", "AssigneeId", "Status",
            "Priority", "IsOpen", "FirstResponseAt", "FirstResponseSeconds", "FirstResponseBusinessSeconds", "ResolvedAt", "ResolutionSeconds",
            "ResolutionBusinessSeconds", "FirstResponseDueAt", "ResolutionDueAt", "Rating", "RatedAt", "SourceUpdatedAt")
        """;

    private static readonly string SqliteFacts = $"""
        {FactColumns}
        SELECT "Id", "CreatedAt", date("CreatedAt", '+7 hours'), "TeamId", "BranchId", "RequestTypeId", "AssigneeId", "Status", "Priority", open,
            "FirstResponseAt", fr, fr * 9 / 24, res_at, CASE WHEN res_at IS NOT NULL THEN res END, CASE WHEN res_at IS NOT NULL THEN res * 9 / 24 END,
            datetime("CreatedAt", '+2 hours'), datetime("CreatedAt", '+2 days'), score, rated, "UpdatedAt"
        FROM (SELECT t.*, t."Status" IN ('New', 'Open', 'PendingCustomer', 'AwaitingApproval') AS open,
                CAST(round((julianday(t."FirstResponseAt") - julianday(t."CreatedAt")) * 86400) AS INTEGER) AS fr,
                CASE WHEN t."Status" IN ('Resolved', 'Closed') THEN coalesce(t."ResolvedAt", t."ClosedAt") END AS res_at,
                CAST(round((julianday(coalesce(t."ResolvedAt", t."ClosedAt")) - julianday(t."CreatedAt")) * 86400) AS INTEGER) AS res,
                (SELECT r."Score" FROM helpdesk_ticket_ratings r WHERE r."TicketId" = t."Id") AS score,
                (SELECT r."CreatedAt" FROM helpdesk_ticket_ratings r WHERE r."TicketId" = t."Id") AS rated
              FROM helpdesk_tickets t WHERE {Seeded} AND t."DeletedAt" IS NULL)
        WHERE true
        ON CONFLICT ("TicketId") DO NOTHING
        """;

    private static readonly string PostgresFacts = $"""
        {FactColumns}
        SELECT "Id", "CreatedAt", ("CreatedAt" AT TIME ZONE 'Asia/Jakarta')::date, "TeamId", "BranchId", "RequestTypeId", "AssigneeId", "Status", "Priority", open,
            "FirstResponseAt", fr, fr * 9 / 24, res_at, CASE WHEN res_at IS NOT NULL THEN res END, CASE WHEN res_at IS NOT NULL THEN res * 9 / 24 END,
            "CreatedAt" + interval '2 hours', "CreatedAt" + interval '2 days', score, rated, "UpdatedAt"
        FROM (SELECT t.*, t."Status" IN ('New', 'Open', 'PendingCustomer', 'AwaitingApproval') AS open,
                round(extract(epoch FROM t."FirstResponseAt" - t."CreatedAt"))::bigint AS fr,
                CASE WHEN t."Status" IN ('Resolved', 'Closed') THEN coalesce(t."ResolvedAt", t."ClosedAt") END AS res_at,
                round(extract(epoch FROM coalesce(t."ResolvedAt", t."ClosedAt") - t."CreatedAt"))::bigint AS res,
                r."Score" AS score, r."CreatedAt" AS rated
              FROM helpdesk_tickets t LEFT JOIN helpdesk_ticket_ratings r ON r."TicketId" = t."Id"
              WHERE {Seeded} AND t."DeletedAt" IS NULL) s
        ON CONFLICT ("TicketId") DO NOTHING
        """;

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
            CASE WHEN status = 'New' THEN NULL ELSE min(datetime(created, '+' || ({FirstResponseMinutes}) || ' minutes'), datetime('now')) END,
            CASE WHEN status = 'Closed' THEN min(datetime(created, '+' || ({ResolutionMinutes}) || ' minutes'), datetime('now'))
                 WHEN status = 'Resolved' THEN datetime('now', '-' || (i % 7000) || ' minutes') END,
            CASE WHEN status = 'Closed' THEN min(datetime(created, '+' || ({ResolutionMinutes}) || ' minutes'), datetime('now')) END, 'Api'
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
            CASE WHEN status = 'New' THEN NULL ELSE least(created + make_interval(mins => ({FirstResponseMinutes})::int), now()) END,
            CASE WHEN status = 'Closed' THEN least(created + make_interval(mins => ({ResolutionMinutes})::int), now())
                 WHEN status = 'Resolved' THEN now() - make_interval(mins => (i % 7000)::int) END,
            CASE WHEN status = 'Closed' THEN least(created + make_interval(mins => ({ResolutionMinutes})::int), now()) END, 'Api'
        FROM rows CROSS JOIN counts
        JOIN types ty ON ty.k = rows.i % counts.t
        JOIN users u ON u.k = rows.i % counts.u
        LEFT JOIN agents ag ON ag.k = rows.i % greatest(counts.a, 1)
        """;
}
