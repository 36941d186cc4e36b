namespace Lapak.Web.Infrastructure.Startup;

/// <summary>
/// A module's own demo data, seeded right after the accounts, organizations, branches and teams of
/// <see cref="DemoData"/> into an empty database. Modules register theirs in their <c>AddX()</c>.
/// </summary>
public interface IDemoDataSeeder
{
    Task SeedAsync(CancellationToken ct = default);
}
