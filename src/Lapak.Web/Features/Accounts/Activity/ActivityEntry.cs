using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Accounts;

/// <summary>One line of the admin activity log: who did what, to what, and when.</summary>
public sealed class ActivityEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    /// <summary>Dotted action name, e.g. <c>account.signed_in</c>; the activity page translates it.</summary>
    public string Action { get; set; } = "";
    public string? SubjectType { get; set; }
    public string? SubjectId { get; set; }
    /// <summary>Free-text detail in neutral form (values, not sentences), e.g. "Seller".</summary>
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
}

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> b)
    {
        b.ToTable("accounts_activity");
        b.Property(x => x.ActorName).HasMaxLength(150).IsRequired();
        b.Property(x => x.Action).HasMaxLength(60).IsRequired();
        b.Property(x => x.SubjectType).HasMaxLength(40);
        b.Property(x => x.SubjectId).HasMaxLength(60);
        b.Property(x => x.Detail).HasMaxLength(500);
        b.Property(x => x.IpAddress).HasMaxLength(45);
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.ActorId);
    }
}
