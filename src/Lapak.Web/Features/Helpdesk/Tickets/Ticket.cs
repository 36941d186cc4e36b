using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Helpdesk.RequestTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Helpdesk.Tickets;

public enum TicketStatus { New, Open, PendingCustomer, AwaitingApproval, Resolved, Closed }

public enum TicketPriority { Low, Normal, High, Urgent }

public enum TicketSource { Portal, Api, Email, Agent }

/// <summary>
/// A customer's request. Its status only moves along <see cref="Allowed"/>, and every change leaves a
/// <see cref="TicketEvent"/> in its history, so "who changed what, when, old → new" is always answerable.
/// </summary>
public sealed class Ticket
{
    public const int SubjectMaxLength = 150;
    public const int DescriptionMaxLength = 10_000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string Code { get; set; } = "";
    public Guid RequestTypeId { get; set; }
    public Guid? TeamId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid CreatedById { get; set; }
    public Guid? AssigneeId { get; set; }
    public Guid? OrganizationId { get; set; }
    public string Subject { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>The request type's extra fields as a JSON object of strings, keyed by field key.</summary>
    public string FieldsJson { get; set; } = "{}";
    public TicketStatus Status { get; private set; } = TicketStatus.New;
    public TicketPriority Priority { get; set; } = TicketPriority.Normal;
    /// <summary>A generic link to what the ticket is about (an order, a product, a job, a chat); later modules fill it.</summary>
    public string? RelatedKind { get; set; }
    public string? RelatedId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FirstResponseAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>Where the ticket came from: the portal, the API, an e-mail, or an agent on the customer's behalf.</summary>
    public TicketSource Source { get; set; } = TicketSource.Portal;
    /// <summary>Soft delete: a deleted ticket disappears from every list and page; the reason stays in the activity log.</summary>
    public DateTime? DeletedAt { get; set; }
    /// <summary>
    /// The site the ticket is about (a data-center visit) or the branch it was escalated to; its supervisor approves.
    /// </summary>
    public Guid? BranchId { get; set; }
    /// <summary>SLA due times in UTC, kept by the SLA clock; the resolution due time is null while the clock is paused.</summary>
    public DateTime? FirstResponseDueAt { get; set; }
    public DateTime? ResolutionDueAt { get; set; }
    /// <summary>When the assignee was warned of a coming breach, so the warning goes out once per due time.</summary>
    public DateTime? SlaWarnedAt { get; set; }
    /// <summary>When the breach was handled (escalated automatically), so it happens once even with several instances.</summary>
    public DateTime? SlaBreachedAt { get; set; }
    /// <summary>The latest escalation, for the lists; every escalation is a <c>TicketEscalation</c> row and a history line.</summary>
    public DateTime? EscalatedAt { get; set; }
    public Guid? DeletedById { get; set; }
    public string? DeleteReason { get; set; }

    public List<TicketEvent> Events { get; set; } = [];

    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [TicketStatus.New] = [TicketStatus.Open, TicketStatus.PendingCustomer, TicketStatus.AwaitingApproval, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Open] = [TicketStatus.PendingCustomer, TicketStatus.AwaitingApproval, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.PendingCustomer] = [TicketStatus.Open, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.AwaitingApproval] = [TicketStatus.Open, TicketStatus.Resolved, TicketStatus.Closed],
        [TicketStatus.Resolved] = [TicketStatus.Open, TicketStatus.Closed],
        [TicketStatus.Closed] = [],
    };

    public static IReadOnlyList<TicketStatus> NextStatuses(TicketStatus from) => Allowed[from];

    public bool CanMoveTo(TicketStatus to) => Allowed[Status].Contains(to);

    public bool IsClosed => Status == TicketStatus.Closed;

    /// <summary>Moves to <paramref name="to"/> if the lifecycle allows it; false (and nothing changes) otherwise.</summary>
    public bool MoveTo(TicketStatus to, Actor actor, DateTime now)
    {
        if (!CanMoveTo(to)) return false;
        var from = Status;
        Status = to;
        UpdatedAt = now;
        if (to == TicketStatus.Resolved) ResolvedAt = now;
        if (to == TicketStatus.Closed) ClosedAt = now;
        if (to == TicketStatus.Open && from == TicketStatus.Resolved) ResolvedAt = null;
        Record(TicketEventKind.StatusChanged, actor, now, from.ToString(), to.ToString());
        return true;
    }

    public void ChangePriority(TicketPriority to, Actor actor, DateTime now)
    {
        if (to == Priority) return;
        Record(TicketEventKind.PriorityChanged, actor, now, Priority.ToString(), to.ToString());
        Priority = to;
        UpdatedAt = now;
    }

    public TicketEvent Record(TicketEventKind kind, Actor actor, DateTime now, string? oldValue = null, string? newValue = null,
        string? reason = null)
    {
        var e = new TicketEvent
        {
            TicketId = Id, Kind = kind, At = now, ActorId = actor.Id, ActorName = actor.Name, OldValue = oldValue, NewValue = newValue,
            Reason = reason,
        };
        Events.Add(e);
        return e;
    }
}

/// <summary>Who did something to a ticket, as its history shows them.</summary>
public sealed record Actor(Guid? Id, string Name)
{
    public static readonly Actor System = new(null, "Lapak");
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.ToTable("helpdesk_tickets");
        b.Property(x => x.Code).HasMaxLength(TicketCode.Length).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DeleteReason).HasMaxLength(500);
        b.HasQueryFilter(x => x.DeletedAt == null);
        b.Property(x => x.Subject).HasMaxLength(Ticket.SubjectMaxLength).IsRequired();
        b.Property(x => x.Description).HasMaxLength(Ticket.DescriptionMaxLength).IsRequired();
        b.Property(x => x.FieldsJson).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RelatedKind).HasMaxLength(40);
        b.Property(x => x.RelatedId).HasMaxLength(60);
        b.HasOne<RequestType>().WithMany().HasForeignKey(x => x.RequestTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Branch>().WithMany().HasForeignKey(x => x.BranchId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CustomerId, x.CreatedAt });
        b.HasIndex(x => new { x.TeamId, x.Status, x.CreatedAt });
        b.HasIndex(x => new { x.AssigneeId, x.Status });
        // The lists: one scope (team, assignee, customer, everything), one status, newest change first. Partial on
        // live tickets, so counting a status and reading its first page never touch the table (a million tickets
        // in, the open-ticket list still reads a few index pages).
        const string live = "\"DeletedAt\" IS NULL";
        b.HasIndex(x => new { x.TeamId, x.Status, x.UpdatedAt }, "IX_helpdesk_tickets_live_team").HasFilter(live);
        b.HasIndex(x => new { x.AssigneeId, x.Status, x.UpdatedAt }, "IX_helpdesk_tickets_live_assignee").HasFilter(live);
        b.HasIndex(x => new { x.CustomerId, x.Status, x.UpdatedAt }, "IX_helpdesk_tickets_live_customer").HasFilter(live);
        b.HasIndex(x => new { x.Status, x.UpdatedAt }, "IX_helpdesk_tickets_live_status").HasFilter(live);
        // Newest change first across statuses (the "active" and "all" lists): walked backwards, it stops at a page.
        b.HasIndex(x => x.UpdatedAt, "IX_helpdesk_tickets_live_updated").HasFilter(live);
        // The SLA runner's scans: live tickets with a due time, soonest first.
        b.HasIndex(x => x.FirstResponseDueAt, "IX_helpdesk_tickets_live_first_response_due").HasFilter(live);
        b.HasIndex(x => x.ResolutionDueAt, "IX_helpdesk_tickets_live_resolution_due").HasFilter(live);
        b.HasIndex(x => new { x.BranchId, x.Status });
        // Reports walk a period of creation.
        b.HasIndex(x => x.CreatedAt);
    }
}
