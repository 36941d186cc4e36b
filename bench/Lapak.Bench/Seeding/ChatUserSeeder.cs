using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lapak.Bench.Seeding;

/// <summary>
/// Makes <c>count</c> chat users straight in the database, each a copy of the demo customer with its own e-mail and
/// a personal API token whose secret the benchmark knows: signing 2,000 users in through the password endpoint
/// would spend minutes on password hashing, which is not what the chat benchmark measures.
/// </summary>
public sealed class ChatUserSeeder(string provider, string connectionString)
{
    public sealed record BenchUser(Guid Id, string Token);

    public async Task<IReadOnlyList<BenchUser>> SeedAsync(int count, string templateEmail, CancellationToken ct)
    {
        await using DbConnection connection = provider == "Sqlite" ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var sqlite = provider == "Sqlite";
        var columns = new List<string>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = sqlite
                ? "SELECT name FROM pragma_table_info('accounts_users')"
                : "SELECT column_name FROM information_schema.columns WHERE table_name = 'accounts_users'";
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) columns.Add(r.GetString(0));
        }
        var template = await ScalarAsync(connection, "SELECT \"Id\" FROM accounts_users WHERE \"Email\" = @p", templateEmail, ct)
                       ?? throw new BenchException($"{templateEmail} not found (is the demo data seeded?).");
        var role = await ScalarAsync(connection, "SELECT \"RoleId\" FROM accounts_user_roles WHERE \"UserId\" = @p", template, ct)
                   ?? throw new BenchException("the demo customer has no role.");
        var replaced = new Dictionary<string, string>
        {
            ["Id"] = "@id", ["UserName"] = "@email", ["NormalizedUserName"] = "@upper", ["Email"] = "@email",
            ["NormalizedEmail"] = "@upper", ["SecurityStamp"] = "@stamp", ["ConcurrencyStamp"] = "@stamp", ["FullName"] = "@name",
        };
        var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var select = string.Join(", ", columns.Select(c => replaced.TryGetValue(c, out var p) ? p : $"\"{c}\""));
        var users = new List<BenchUser>(count);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using var tx = await connection.BeginTransactionAsync(ct);
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            var email = $"chat-{tag}-{i}@bench.lapak";
            var secret = "lpk_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            await ExecAsync(connection, tx, $"INSERT INTO accounts_users ({list}) SELECT {select} FROM accounts_users WHERE \"Id\" = @template", ct,
                ("id", Id(id)), ("email", email), ("upper", email.ToUpperInvariant()), ("stamp", Guid.NewGuid().ToString("N")),
                ("name", $"Pembeli {i}"), ("template", template));
            await ExecAsync(connection, tx, "INSERT INTO accounts_user_roles (\"UserId\", \"RoleId\") VALUES (@id, @role)", ct, ("id", Id(id)), ("role", role));
            await ExecAsync(connection, tx, """
                INSERT INTO accounts_api_tokens ("Id", "UserId", "Name", "Hint", "Hash", "CreatedAt")
                VALUES (@tid, @id, 'bench', @hint, @hash, @now)
                """, ct, ("tid", Id(Guid.NewGuid())), ("id", Id(id)), ("hint", secret[..10]),
                ("hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ToLowerInvariant()),
                ("now", sqlite ? DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF") : DateTime.UtcNow));
            users.Add(new BenchUser(id, secret));
        }
        await tx.CommitAsync(ct);
        return users;

        object Id(Guid g) => sqlite ? g.ToString().ToUpperInvariant() : g;
    }

    private static async Task ExecAsync(DbConnection c, DbTransaction tx, string sql, CancellationToken ct, params (string Name, object Value)[] args)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(DbConnection c, string sql, object value, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var p = cmd.CreateParameter();
        p.ParameterName = "p";
        p.Value = value;
        cmd.Parameters.Add(p);
        return await cmd.ExecuteScalarAsync(ct);
    }
}
