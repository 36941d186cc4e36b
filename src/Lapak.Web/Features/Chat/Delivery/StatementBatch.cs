using System.Data;
using System.Data.Common;
using System.Globalization;

namespace Lapak.Web.Features.Chat.Delivery;

/// <summary>A value for <see cref="StatementBatch"/> with its type, so a null still tells the database what it is.</summary>
public readonly record struct Arg(object? Value, DbType Type)
{
    public static Arg Of(Guid? v) => new(v, DbType.Guid);
    public static Arg Of(DateTime? v) => new(v, DbType.DateTime);
    public static Arg Of(long v) => new(v, DbType.Int64);
    public static Arg Of(int? v) => new(v, DbType.Int32);
    public static Arg Of(string? v) => new(v, DbType.String);
    public static Arg Of(bool v) => new(v, DbType.Boolean);
}

/// <summary>
/// Statements the chat writer sends together, inside its transaction. On PostgreSQL they go as one
/// <see cref="DbBatch"/>, one round trip for the whole batch of messages; SQLite runs in-process, so there they simply
/// run one after another. Parameters are <c>$1</c>, <c>$2</c>, … in each statement, and values are written the way EF
/// Core stores them on each provider (on SQLite: GUIDs as upper-case text, times as ISO text, booleans as 0/1).
/// </summary>
/// <param name="sqlite">Whether the connection is SQLite's (<c>Database.IsSqlite()</c>), whose values are written as EF stores them there.</param>
public sealed class StatementBatch(DbConnection connection, DbTransaction transaction, bool sqlite)
{
    private readonly List<(string Sql, Arg[] Args)> _statements = [];
    private readonly bool _sqlite = sqlite;

    /// <returns>The statement's index, to read its affected rows from <see cref="ExecuteAsync"/>'s answer.</returns>
    public int Add(string sql, params Arg[] args)
    {
        _statements.Add((sql, args));
        return _statements.Count - 1;
    }

    /// <summary>Runs every statement; answers the rows each one changed.</summary>
    public async Task<int[]> ExecuteAsync(CancellationToken ct = default)
    {
        var affected = new int[_statements.Count];
        if (_statements.Count == 0) return affected;
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var (sql, args) in _statements)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                foreach (var arg in args)
                {
                    var p = command.CreateParameter();
                    Bind(p, arg, name: null);
                    command.Parameters.Add(p);
                }
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(ct);
            for (var i = 0; i < affected.Length; i++) affected[i] = batch.BatchCommands[i].RecordsAffected;
            return affected;
        }
        for (var i = 0; i < _statements.Count; i++)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = _statements[i].Sql;
            var args = _statements[i].Args;
            for (var k = 0; k < args.Length; k++)
            {
                var p = command.CreateParameter();
                Bind(p, args[k], name: "$" + (k + 1).ToString(CultureInfo.InvariantCulture));
                command.Parameters.Add(p);
            }
            affected[i] = await command.ExecuteNonQueryAsync(ct);
        }
        return affected;
    }

    private void Bind(DbParameter p, Arg arg, string? name)
    {
        if (name is not null) p.ParameterName = name;
        if (!_sqlite)
        {
            p.DbType = arg.Type;
            p.Value = arg.Value ?? DBNull.Value;
            return;
        }
        p.Value = arg.Value switch
        {
            null => DBNull.Value,
            Guid g => g.ToString().ToUpperInvariant(),
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            bool b => b ? 1L : 0L,
            var v => v,
        };
    }
}
