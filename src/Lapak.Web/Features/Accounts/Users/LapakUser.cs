using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Accounts;

public sealed class LapakUser : IdentityUser<Guid>
{
    public const int NameMaxLength = 100;

    public string FullName { get; set; } = "";
    /// <summary>"id" or "en"; pages, e-mails and documents for this user use it.</summary>
    public string PreferredLanguage { get; set; } = "id";
    /// <summary>Relative path of the resized avatar under the file store, or null.</summary>
    public string? AvatarPath { get; set; }

    /// <summary>Where <c>/media</c> serves an avatar stored at <paramref name="avatarPath"/>; null without one.</summary>
    public static string? AvatarUrl(string? avatarPath) => avatarPath is null ? null : "/media/" + avatarPath;
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public Guid? OrganizationId { get; set; }
    /// <summary>Manages their organization: sees the helpdesk tickets of all its members.</summary>
    public bool IsOrganizationManager { get; set; }

    public bool NotifyInApp { get; set; } = true;
    public bool NotifyEmail { get; set; } = true;
    public bool NotifyWhatsApp { get; set; }
}

public sealed class LapakRole : IdentityRole<Guid>
{
    public LapakRole() { }
    public LapakRole(string name) : base(name) { }
}

/// <summary>The five roles of the product; a user may hold several.</summary>
public static class Roles
{
    public const string Customer = "Customer";
    public const string Seller = "Seller";
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";
    public const string Admin = "Admin";

    public static readonly string[] All = [Customer, Seller, Agent, Supervisor, Admin];
    /// <summary>Roles that make a user staff (they get an invitation instead of self-registration).</summary>
    public static readonly string[] Staff = [Agent, Supervisor, Admin];
}

internal sealed class LapakUserConfiguration : IEntityTypeConfiguration<LapakUser>
{
    public void Configure(EntityTypeBuilder<LapakUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(LapakUser.NameMaxLength).IsRequired();
        b.Property(u => u.PreferredLanguage).HasMaxLength(5).IsRequired();
        b.Property(u => u.AvatarPath).HasMaxLength(200);
        b.Property(u => u.PhoneNumber).HasMaxLength(20);
        b.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(u => u.FullName);
    }
}
