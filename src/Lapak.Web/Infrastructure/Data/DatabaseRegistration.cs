using Lapak.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lapak.Web.Infrastructure.Data;

public static class DatabaseRegistration
{
    public static IServiceCollection AddLapakDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton<NotificationSignalInterceptor>();
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                var pg = configuration.GetConnectionString("Postgres")!;
                services.AddDbContext<LapakDbContext, PostgresLapakDbContext>((sp, o) => o
                    .UseNpgsql(pg)
                    .AddInterceptors(sp.GetRequiredService<NotificationSignalInterceptor>()));
                break;
            default:
                var sqlite = SqliteConnectionString(configuration.GetConnectionString("Sqlite"), contentRoot);
                services.AddDbContext<LapakDbContext, SqliteLapakDbContext>((sp, o) => o
                    .UseSqlite(sqlite)
                    .AddInterceptors(sp.GetRequiredService<NotificationSignalInterceptor>(), new SqliteConnectionSetup()));
                break;
        }
        return services;
    }

    /// <summary>Resolves a relative data source against the content root and makes sure its folder exists.</summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=data/lapak.db" : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        var dir = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }
}

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteLapakDbContext</c> build the model without the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLapakDbContext>
{
    public SqliteLapakDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLapakDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLapakDbContext>
{
    public PostgresLapakDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLapakDbContext>().UseNpgsql("Host=localhost;Database=lapak_design").Options);
}
