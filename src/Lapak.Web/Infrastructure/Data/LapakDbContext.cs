using Lapak.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Infrastructure.Data;

/// <summary>
/// The one database context. It only knows the Identity tables; every other entity is mapped by an
/// <see cref="IEntityTypeConfiguration{TEntity}"/> that sits beside it in its feature folder.
/// Provider-specific subclasses exist only so each provider keeps its own migrations.
/// </summary>
public abstract class LapakDbContext(DbContextOptions options)
    : IdentityDbContext<LapakUser, LapakRole, Guid>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // SQLite has no schemas, so every table is prefixed with the module that owns it.
        builder.Entity<LapakUser>().ToTable("accounts_users");
        builder.Entity<LapakRole>().ToTable("accounts_roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("accounts_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("accounts_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("accounts_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("accounts_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("accounts_role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(LapakDbContext).Assembly);
    }
}

public sealed class SqliteLapakDbContext(DbContextOptions<SqliteLapakDbContext> options) : LapakDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite stores DateTime as text and forgets its kind; every timestamp in Lapak is UTC.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}

public sealed class PostgresLapakDbContext(DbContextOptions<PostgresLapakDbContext> options) : LapakDbContext(options);

internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

internal sealed class NullableUtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime?, DateTime?>(
    v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
    v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
