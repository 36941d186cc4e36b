using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Helpdesk.Inbound;

public enum InboundOutcome { Replied, Opened, Ignored, Failed }

/// <summary>
/// One e-mail fetched from the support mailbox and what became of it. The unique Message-ID makes
/// processing idempotent: a message seen again (a second instance, a retry after a crash) is skipped.
/// </summary>
public sealed class InboundEmail
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string MessageId { get; set; } = "";
    public string FromAddress { get; set; } = "";
    public string Subject { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    public InboundOutcome Outcome { get; set; }
    public Guid? TicketId { get; set; }
    public string? Detail { get; set; }
}

internal sealed class InboundEmailConfiguration : IEntityTypeConfiguration<InboundEmail>
{
    public void Configure(EntityTypeBuilder<InboundEmail> b)
    {
        b.ToTable("helpdesk_inbound_emails");
        b.Property(x => x.MessageId).HasMaxLength(300).IsRequired();
        b.HasIndex(x => x.MessageId).IsUnique();
        b.Property(x => x.FromAddress).HasMaxLength(320).IsRequired();
        b.Property(x => x.Subject).HasMaxLength(300).IsRequired();
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Detail).HasMaxLength(1000);
        b.HasIndex(x => x.ReceivedAt);
    }
}
