using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Helpdesk.Incidents;

public enum IncidentState { Investigating, Identified, Monitoring, Resolved }

public enum IncidentImpact { Minor, Major, Critical }

/// <summary>
/// A public service incident (seed 001: an outage everyone in an area sees on <c>/status</c>, with the technician on
/// it). It may start from a ticket; customers attach themselves, and their own tickets, to follow it.
/// </summary>
public sealed class Incident
{
    public const int TitleMaxLength = 150;
    public const int AreaMaxLength = 100;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string Title { get; set; } = "";
    /// <summary>The affected city or region, e.g. "Kota Bekasi" or "Jawa Barat".</summary>
    public string Area { get; set; } = "";
    public IncidentImpact Impact { get; set; } = IncidentImpact.Major;
    public IncidentState State { get; set; } = IncidentState.Investigating;
    public Guid? TechnicianId { get; set; }
    /// <summary>The ticket it was raised from, when an agent marked a ticket as an incident.</summary>
    public Guid? SourceTicketId { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public List<IncidentUpdate> Updates { get; set; } = [];
}

/// <summary>One public update of an incident: its state at that moment and what the team says.</summary>
public sealed class IncidentUpdate
{
    public const int MessageMaxLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid IncidentId { get; set; }
    public DateTime At { get; set; }
    public IncidentState State { get; set; }
    public string Message { get; set; } = "";
    public Guid? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
}

/// <summary>A customer who said "this affects me", optionally with their own ticket; every update reaches them.</summary>
public sealed class IncidentSubscription
{
    public Guid IncidentId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? TicketId { get; set; }
    public DateTime At { get; set; }
}

internal sealed class IncidentConfiguration :
    IEntityTypeConfiguration<Incident>, IEntityTypeConfiguration<IncidentUpdate>, IEntityTypeConfiguration<IncidentSubscription>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.ToTable("helpdesk_incidents");
        b.Property(x => x.Title).HasMaxLength(Incident.TitleMaxLength).IsRequired();
        b.Property(x => x.Area).HasMaxLength(Incident.AreaMaxLength).IsRequired();
        b.Property(x => x.Impact).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.TechnicianId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.SourceTicketId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Updates).WithOne().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.State, x.UpdatedAt });
    }

    public void Configure(EntityTypeBuilder<IncidentUpdate> b)
    {
        b.ToTable("helpdesk_incident_updates");
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Message).HasMaxLength(IncidentUpdate.MessageMaxLength).IsRequired();
        b.Property(x => x.AuthorName).HasMaxLength(150).IsRequired();
        b.HasIndex(x => new { x.IncidentId, x.At });
    }

    public void Configure(EntityTypeBuilder<IncidentSubscription> b)
    {
        b.ToTable("helpdesk_incident_subscriptions");
        b.HasKey(x => new { x.IncidentId, x.CustomerId });
        b.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.CustomerId);
    }
}
