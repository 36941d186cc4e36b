using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Accounts;

public enum OrganizationKind { GovernmentUnit, Company, Internal }

/// <summary>A buyer's or client's organization, e.g. "Dinas Pendidikan Kota Bekasi" (seed 000).</summary>
public sealed class Organization
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public OrganizationKind Kind { get; set; }
    public string? Address { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A physical site, e.g. a data-center branch of seed 002 (Cibitung, Bandung, …).</summary>
public sealed class Branch
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string City { get; set; } = "";
    public string Address { get; set; } = "";
    /// <summary>IANA time zone; Asia/Jakarta (WIB) unless the branch is in WITA or WIT.</summary>
    public string TimeZone { get; set; } = "Asia/Jakarta";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A group of staff that works a queue, e.g. "Customer Service"; may belong to a branch.</summary>
public sealed class Team
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public Guid? BranchId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class TeamMember
{
    public Guid TeamId { get; set; }
    public Guid UserId { get; set; }
    /// <summary>The team's supervisor receives its escalations.</summary>
    public bool IsSupervisor { get; set; }
}

public sealed class BranchMember
{
    public Guid BranchId { get; set; }
    public Guid UserId { get; set; }
    public bool IsSupervisor { get; set; }
}

internal sealed class OrganizationConfiguration :
    IEntityTypeConfiguration<Organization>, IEntityTypeConfiguration<Branch>, IEntityTypeConfiguration<Team>,
    IEntityTypeConfiguration<TeamMember>, IEntityTypeConfiguration<BranchMember>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("accounts_organizations");
        b.Property(o => o.Name).HasMaxLength(150).IsRequired();
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Address).HasMaxLength(300);
        b.HasIndex(o => o.Name).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Branch> b)
    {
        b.ToTable("accounts_branches");
        b.Property(x => x.Code).HasMaxLength(10).IsRequired();
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.City).HasMaxLength(100).IsRequired();
        b.Property(x => x.Address).HasMaxLength(300).IsRequired();
        b.Property(x => x.TimeZone).HasMaxLength(50).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.ToTable("accounts_teams");
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.Description).HasMaxLength(500);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.Name).IsUnique();
    }

    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.ToTable("accounts_team_members");
        b.HasKey(x => new { x.TeamId, x.UserId });
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<BranchMember> b)
    {
        b.ToTable("accounts_branch_members");
        b.HasKey(x => new { x.BranchId, x.UserId });
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
