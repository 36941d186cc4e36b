using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Helpdesk.Escalations;

/// <summary>Where a ticket was escalated to: the supervisor of its team or of a branch, or another team or branch.</summary>
public enum EscalationTarget { TeamSupervisor, BranchSupervisor, Team, Branch }

/// <summary>
/// One escalation of a ticket (seed 002's "eskalasi ticket"), by an agent with a reason or by the SLA runner on a
/// breach (<see cref="Automatic"/>). The ticket's history carries a matching <see cref="TicketEventKind.Escalated"/> line.
/// </summary>
public sealed class TicketEscalation
{
    public const int ReasonMaxLength = 500;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TicketId { get; set; }
    public DateTime At { get; set; }
    public bool Automatic { get; set; }
    public EscalationTarget Target { get; set; }
    public Guid? ById { get; set; }
    public string ByName { get; set; } = "";
    public string Reason { get; set; } = "";
    public Guid? FromTeamId { get; set; }
    public Guid? ToTeamId { get; set; }
    public Guid? ToBranchId { get; set; }
    /// <summary>The supervisor who received it, when it went to a person.</summary>
    public Guid? ToUserId { get; set; }
}

internal sealed class TicketEscalationConfiguration : IEntityTypeConfiguration<TicketEscalation>
{
    public void Configure(EntityTypeBuilder<TicketEscalation> b)
    {
        b.ToTable("helpdesk_ticket_escalations");
        b.Property(x => x.Target).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.ByName).HasMaxLength(150).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(TicketEscalation.ReasonMaxLength).IsRequired();
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.ToTeamId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.ToBranchId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.ToUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.TicketId, x.At });
        b.HasIndex(x => new { x.ToUserId, x.At });
    }
}
