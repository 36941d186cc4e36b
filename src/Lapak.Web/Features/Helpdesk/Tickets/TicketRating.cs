using Lapak.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// The customer's satisfaction with one resolution of a ticket: 1–5 and a comment. A ticket reopened and
/// resolved again may be rated again; the same resolution only once (unique on ticket + resolution time).
/// </summary>
public sealed class TicketRating
{
    public const int CommentMaxLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TicketId { get; set; }
    public Guid CustomerId { get; set; }
    /// <summary>The <see cref="Ticket.ResolvedAt"/> this rating is about.</summary>
    public DateTime ResolvedAt { get; set; }
    public int Score { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Who resolved it, so reports can show satisfaction per agent.</summary>
    public Guid? AgentId { get; set; }
}

internal sealed class TicketRatingConfiguration : IEntityTypeConfiguration<TicketRating>
{
    public void Configure(EntityTypeBuilder<TicketRating> b)
    {
        b.ToTable("helpdesk_ticket_ratings");
        b.Property(x => x.Comment).HasMaxLength(TicketRating.CommentMaxLength);
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.TicketId, x.ResolvedAt }).IsUnique();
        b.HasIndex(x => x.CreatedAt);
    }
}
