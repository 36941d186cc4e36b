using Lapak.Web.Features.Helpdesk.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Helpdesk.Reports;

/// <summary>
/// One ticket as the reports count it: its dimensions, its durations in clock and business seconds and its latest
/// rating, kept by <see cref="ReportFactsUpdater"/> from the tickets changed since the last run. Reports aggregate
/// these rows in the database; business hours and pauses are worked out once per change here, never per request.
/// </summary>
public sealed class TicketReportFact
{
    public Guid TicketId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The day of creation in WIB, for volume per day/week/month without time-zone arithmetic in SQL.</summary>
    public DateOnly CreatedDay { get; set; }
    public Guid? TeamId { get; set; }
    public Guid? BranchId { get; set; }
    public Guid RequestTypeId { get; set; }
    public Guid? AssigneeId { get; set; }
    public TicketStatus Status { get; set; }
    public TicketPriority Priority { get; set; }
    /// <summary>Unresolved now (new, open, waiting on the customer or on an approval): the backlog.</summary>
    public bool IsOpen { get; set; }

    public DateTime? FirstResponseAt { get; set; }
    public long? FirstResponseSeconds { get; set; }
    public long? FirstResponseBusinessSeconds { get; set; }
    /// <summary>The latest resolution (or the closing, for a ticket closed without one).</summary>
    public DateTime? ResolvedAt { get; set; }
    public long? ResolutionSeconds { get; set; }
    /// <summary>Working time of the ticket's calendar from creation to resolution, time waiting on the customer left out.</summary>
    public long? ResolutionBusinessSeconds { get; set; }

    public DateTime? FirstResponseDueAt { get; set; }
    public DateTime? ResolutionDueAt { get; set; }

    /// <summary>The latest rating's score (1–5) and when it was given.</summary>
    public int? Rating { get; set; }
    public DateTime? RatedAt { get; set; }

    /// <summary>The ticket's UpdatedAt this row was computed from: the updater's watermark.</summary>
    public DateTime SourceUpdatedAt { get; set; }
}

internal sealed class TicketReportFactConfiguration : IEntityTypeConfiguration<TicketReportFact>
{
    public void Configure(EntityTypeBuilder<TicketReportFact> b)
    {
        b.ToTable("helpdesk_report_facts");
        b.HasKey(x => x.TicketId);
        // No foreign key: the updater removes the rows of deleted tickets itself, and a cascade would only slow deletes.
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(20);
        // Each section walks one instant over the period, and each index carries every column its sections read, so a
        // year of a million tickets is read from the index alone, in order, without a lookup per row.
        b.HasIndex(x => new
        {
            x.CreatedAt, x.TeamId, x.BranchId, x.RequestTypeId, x.CreatedDay, x.Status, x.Priority, x.AssigneeId, x.FirstResponseSeconds,
            x.FirstResponseBusinessSeconds,
        }, "IX_helpdesk_report_facts_created");
        b.HasIndex(x => new { x.ResolvedAt, x.TeamId, x.BranchId, x.RequestTypeId, x.AssigneeId, x.ResolutionSeconds, x.ResolutionBusinessSeconds },
            "IX_helpdesk_report_facts_resolved");
        b.HasIndex(x => new { x.FirstResponseDueAt, x.TeamId, x.BranchId, x.RequestTypeId, x.FirstResponseAt }, "IX_helpdesk_report_facts_first_response_due");
        b.HasIndex(x => new { x.ResolutionDueAt, x.TeamId, x.BranchId, x.RequestTypeId, x.ResolvedAt }, "IX_helpdesk_report_facts_resolution_due");
        b.HasIndex(x => new { x.RatedAt, x.TeamId, x.BranchId, x.RequestTypeId, x.AssigneeId, x.Rating }, "IX_helpdesk_report_facts_rated");
        b.HasIndex(x => new { x.IsOpen, x.CreatedAt, x.TeamId, x.BranchId, x.RequestTypeId, x.AssigneeId }, "IX_helpdesk_report_facts_open");
        b.HasIndex(x => x.SourceUpdatedAt);
    }
}
