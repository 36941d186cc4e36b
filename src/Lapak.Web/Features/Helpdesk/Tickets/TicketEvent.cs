using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Helpdesk.Tickets;

public enum TicketEventKind { Created, StatusChanged, PriorityChanged, Replied, NoteAdded, Assigned, TypeChanged, DetailsEdited, Rated, TeamChanged,
    Escalated, SlaWarning, SlaBreached, ApprovalRequested, Approved, Rejected, PermitRevoked, IncidentLinked }

/// <summary>One line of a ticket's history: who, what, when, old → new.</summary>
public sealed class TicketEvent
{
    public long Id { get; set; }
    public Guid TicketId { get; set; }
    public DateTime At { get; set; }
    public TicketEventKind Kind { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    /// <summary>Why, when the change asks for one (a reassignment).</summary>
    public string? Reason { get; set; }

    /// <summary>
    /// <see cref="OldValue"/> of an <see cref="TicketEventKind.Escalated"/> line the SLA runner wrote; its
    /// <see cref="NewValue"/> names where the ticket went (a supervisor, a team, a branch) and <see cref="Reason"/> why.
    /// </summary>
    public const string AutomaticEscalation = "automatic";

    /// <summary>Internal notes are history too, but only staff may see that they happened.</summary>
    public bool IsInternal => Kind == TicketEventKind.NoteAdded;
}

/// <summary>A public reply or an internal note on a ticket.</summary>
public sealed class TicketMessage
{
    public const int BodyMaxLength = 10_000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TicketId { get; set; }
    public Guid? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public bool FromStaff { get; set; }
    /// <summary>An internal note: never shown, mailed or pushed to the customer.</summary>
    public bool IsInternal { get; set; }
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public TicketSource Via { get; set; } = TicketSource.Portal;
    /// <summary>The Message-ID of the e-mail this reply came from, so a message fetched twice is stored once.</summary>
    public string? EmailMessageId { get; set; }
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>, IEntityTypeConfiguration<TicketMessage>
{
    public void Configure(EntityTypeBuilder<TicketEvent> b)
    {
        b.ToTable("helpdesk_ticket_events");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.ActorName).HasMaxLength(150).IsRequired();
        b.Property(x => x.OldValue).HasMaxLength(200);
        b.Property(x => x.NewValue).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Ignore(x => x.IsInternal);
        b.HasIndex(x => new { x.TicketId, x.At });
    }

    public void Configure(EntityTypeBuilder<TicketMessage> b)
    {
        b.ToTable("helpdesk_ticket_messages");
        b.Property(x => x.AuthorName).HasMaxLength(150).IsRequired();
        b.Property(x => x.Body).HasMaxLength(TicketMessage.BodyMaxLength).IsRequired();
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TicketId, x.CreatedAt });
        b.Property(x => x.Via).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.EmailMessageId).HasMaxLength(300);
        b.HasIndex(x => x.EmailMessageId).IsUnique();
    }
}
