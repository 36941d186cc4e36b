using Lapak.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Helpdesk.Tickets;

/// <summary>
/// A file attached to a ticket, either when it was opened (<see cref="MessageId"/> null) or to one reply or note.
/// It inherits the visibility of what it is attached to: a note's attachment is as internal as the note.
/// </summary>
public sealed class TicketAttachment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TicketId { get; set; }
    public Guid? MessageId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>Where the bytes are in the file store (never served as public media).</summary>
    public string StoragePath { get; set; } = "";
    public Guid? UploadedById { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class TicketAttachmentConfiguration : IEntityTypeConfiguration<TicketAttachment>
{
    public void Configure(EntityTypeBuilder<TicketAttachment> b)
    {
        b.ToTable("helpdesk_ticket_attachments");
        b.Property(x => x.FileName).HasMaxLength(200).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
        b.Property(x => x.StoragePath).HasMaxLength(300).IsRequired();
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<TicketMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.UploadedById).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.TicketId);
    }
}
