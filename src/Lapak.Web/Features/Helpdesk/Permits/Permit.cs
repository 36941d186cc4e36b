using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Helpdesk.Permits;

/// <summary>One visitor on a permit; the ID number is kept masked (only its last four digits), as the PDF shows it.</summary>
public sealed record PermitVisitor(string Name, string Company, string MaskedIdNumber);

/// <summary>
/// The work permit a branch supervisor's approval produces (seed 002): a snapshot of what was approved, so the PDF and
/// the public verification page say the same thing even if the ticket is edited later. <see cref="Code"/> is the
/// unguessable key of the public <c>/verify/{code}</c> page the permit's QR code points at.
/// </summary>
public sealed class Permit
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TicketId { get; set; }
    public string Code { get; set; } = "";
    public Guid BranchId { get; set; }
    public string BranchName { get; set; } = "";
    public string BranchAddress { get; set; } = "";
    public string BranchTimeZone { get; set; } = "Asia/Jakarta";
    public DateTime WindowStartUtc { get; set; }
    public DateTime WindowEndUtc { get; set; }
    public string CustomerName { get; set; } = "";
    public string? CompanyName { get; set; }
    public string Purpose { get; set; } = "";
    public string? Equipment { get; set; }
    /// <summary>JSON array of <see cref="PermitVisitor"/>.</summary>
    public string VisitorsJson { get; set; } = "[]";
    public Guid? ApprovedById { get; set; }
    public string ApprovedByName { get; set; } = "";
    public DateTime ApprovedAt { get; set; }
    public string? ApprovalComment { get; set; }
    public DateTime? RevokedAt { get; set; }
    public Guid? RevokedById { get; set; }
    public string? RevokedByName { get; set; }
    public string? RevokeReason { get; set; }
}

internal sealed class PermitConfiguration : IEntityTypeConfiguration<Permit>
{
    public void Configure(EntityTypeBuilder<Permit> b)
    {
        b.ToTable("helpdesk_permits");
        b.Property(x => x.Code).HasMaxLength(40).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.TicketId).IsUnique();
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.BranchName).HasMaxLength(150).IsRequired();
        b.Property(x => x.BranchAddress).HasMaxLength(300).IsRequired();
        b.Property(x => x.BranchTimeZone).HasMaxLength(40).IsRequired();
        b.Property(x => x.CustomerName).HasMaxLength(150).IsRequired();
        b.Property(x => x.CompanyName).HasMaxLength(150);
        b.Property(x => x.Purpose).HasMaxLength(2000).IsRequired();
        b.Property(x => x.Equipment).HasMaxLength(2000);
        b.Property(x => x.VisitorsJson).HasMaxLength(10_000).IsRequired();
        b.Property(x => x.ApprovedByName).HasMaxLength(150).IsRequired();
        b.Property(x => x.ApprovalComment).HasMaxLength(1000);
        b.Property(x => x.RevokedByName).HasMaxLength(150);
        b.Property(x => x.RevokeReason).HasMaxLength(500);
        b.HasIndex(x => new { x.BranchId, x.WindowStartUtc });
    }
}
