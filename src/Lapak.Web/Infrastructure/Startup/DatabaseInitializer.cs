using Lapak.Web.Features.Accounts;
using Lapak.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Infrastructure.Startup;

/// <summary>
/// The start-up chores in one place: apply the configured provider's migrations, make sure the roles
/// exist, and seed the demo data when the database has no users and seeding is on.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<LapakDbContext>();
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Lapak.Startup");

        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;"); // readers never wait for the writer
        await db.Database.MigrateAsync();

        var roles = sp.GetRequiredService<RoleManager<LapakRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new LapakRole(role));
        foreach (var seeder in sp.GetServices<IDefaultDataSeeder>()) await seeder.SeedAsync();

        var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.SeedDemoData && !await db.Users.AnyAsync())
        {
            await DemoData.SeedAsync(sp, options.DemoPassword);
            log.LogInformation("Demo data seeded.");
            Console.WriteLine(DemoData.Banner(options.DemoPassword));
        }
    }
}
