using Lapak.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Chat.Model;

public enum ChatMessageKind
{
    Text = 0,
    /// <summary>The conversation's subject changed here: shows the subject's card inline.</summary>
    Context = 1,
    /// <summary>Written by Lapak (picked up, turned into a ticket, …): <see cref="ChatMessage.SystemKey"/> in the reader's language.</summary>
    System = 2,
}

/// <summary>
/// One message. <see cref="Seq"/> is dense and unique per conversation; <see cref="ClientKey"/> (the sender's
/// idempotency key) is unique per sender, so a retried send finds the stored message instead of a second copy.
/// </summary>
public sealed class ChatMessage
{
    public const int BodyMaxLength = 4000;
    public const int ClientKeyMaxLength = 64;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConversationId { get; set; }
    public long Seq { get; set; }
    /// <summary>Null for system and context messages.</summary>
    public Guid? SenderId { get; set; }
    public ChatMessageKind Kind { get; set; }
    public string Body { get; set; } = "";
    public string? ClientKey { get; set; }
    public DateTime CreatedAt { get; set; }

    public string? SubjectKind { get; set; }
    public string? SubjectId { get; set; }
    /// <summary>System messages: the English text (a translation key) with {placeholders} filled from <see cref="SystemData"/>.</summary>
    public string? SystemKey { get; set; }
    public string? SystemData { get; set; }

    /// <summary>Seconds since the previous message written by a person (null for the first).</summary>
    public int? GapSeconds { get; set; }
    /// <summary>Set on the first message of a new turn: seconds since the other side's turn began (a response time).</summary>
    public int? ReplySeconds { get; set; }

    /// <summary>Hidden by a moderator: the text is no longer shown to anyone but admins on the report.</summary>
    public DateTime? RemovedAt { get; set; }
    public Guid? RemovedById { get; set; }
}

/// <summary>A file sent in a chat. Uploaded first (linked to its conversation, no message yet), then sent with a message.</summary>
public sealed class ChatAttachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConversationId { get; set; }
    public Guid? MessageId { get; set; }
    public Guid UploaderId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>Where the file store keeps it (relative).</summary>
    public string StoragePath { get; set; } = "";
    /// <summary>A smaller copy for the preview, when the file is an image.</summary>
    public string? PreviewPath { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>, IEntityTypeConfiguration<ChatAttachment>
{
    public void Configure(EntityTypeBuilder<ChatMessage> b)
    {
        b.ToTable("chat_messages");
        b.Property(x => x.Body).HasMaxLength(ChatMessage.BodyMaxLength);
        b.Property(x => x.ClientKey).HasMaxLength(ChatMessage.ClientKeyMaxLength);
        b.Property(x => x.SubjectKind).HasMaxLength(40);
        b.Property(x => x.SubjectId).HasMaxLength(80);
        b.Property(x => x.SystemKey).HasMaxLength(200);
        b.Property(x => x.SystemData).HasMaxLength(1000);
        b.HasIndex(x => new { x.ConversationId, x.Seq }).IsUnique();
        b.HasIndex(x => new { x.SenderId, x.ClientKey }).IsUnique();
        b.HasIndex(x => new { x.SenderId, x.CreatedAt });
        b.HasIndex(x => x.CreatedAt);
        b.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.SenderId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ChatAttachment> b)
    {
        b.ToTable("chat_attachments");
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.StoragePath).HasMaxLength(300);
        b.Property(x => x.PreviewPath).HasMaxLength(300);
        b.HasIndex(x => x.MessageId);
        b.HasIndex(x => new { x.UploaderId, x.CreatedAt });
        b.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ChatMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.UploaderId).OnDelete(DeleteBehavior.Restrict);
    }
}
