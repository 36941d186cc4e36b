using System.ComponentModel.DataAnnotations;

namespace Lapak.Web.Infrastructure.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded, default) or Postgres.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Seed demo accounts and master data when the database is empty.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>Password of every demo account.</summary>
    [MinLength(8)]
    public string DemoPassword { get; set; } = "Lapak#2026";
}
