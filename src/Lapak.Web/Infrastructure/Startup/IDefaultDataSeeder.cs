namespace Lapak.Web.Infrastructure.Startup;

/// <summary>
/// Defaults a module needs in every database, production included (not demo data): seeded at each start, after the
/// migrations and roles, and only where missing, so what an admin changed stays. Modules register theirs in <c>AddX()</c>.
/// </summary>
public interface IDefaultDataSeeder
{
    Task SeedAsync(CancellationToken ct = default);
}
