using Lapak.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Chat.Model;

/// <summary><see cref="BlockerId"/> no longer receives messages from <see cref="BlockedId"/>; their history stays readable.</summary>
public sealed class ChatBlock
{
    public Guid BlockerId { get; set; }
    public Guid BlockedId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum ChatReportStatus { Open = 0, Dismissed = 1, ActionTaken = 2 }

/// <summary>A conversation reported to the admins, with the range of messages in question.</summary>
public sealed class ChatReport
{
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ConversationId { get; set; }
    public Guid ReporterId { get; set; }
    /// <summary>The other member in a direct chat; null when it is not clear who.</summary>
    public Guid? ReportedUserId { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>The messages in question: <see cref="FromSeq"/>..<see cref="ToSeq"/> (the last ones seen when reporting).</summary>
    public long FromSeq { get; set; }
    public long ToSeq { get; set; }
    public ChatReportStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? HandledById { get; set; }
    public DateTime? HandledAt { get; set; }
    public string? Note { get; set; }
}

/// <summary>A saved reply a seller or agent inserts with one click.</summary>
public sealed class QuickReply
{
    public const int TitleMaxLength = 60;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>One open hub connection, so every instance can tell whether a user is online (rows of a dead instance expire).</summary>
public sealed class ChatConnection
{
    public string ConnectionId { get; set; } = "";
    public Guid UserId { get; set; }
    public string InstanceId { get; set; } = "";
    public DateTime SeenAt { get; set; }
}

/// <summary>When a user was last connected (shown as "last seen").</summary>
public sealed class ChatLastSeen
{
    public Guid UserId { get; set; }
    public DateTime LastSeenAt { get; set; }
}

internal sealed class ChatSafetyConfiguration : IEntityTypeConfiguration<ChatBlock>, IEntityTypeConfiguration<ChatReport>,
    IEntityTypeConfiguration<QuickReply>, IEntityTypeConfiguration<ChatConnection>, IEntityTypeConfiguration<ChatLastSeen>
{
    public void Configure(EntityTypeBuilder<ChatBlock> b)
    {
        b.ToTable("chat_blocks");
        b.HasKey(x => new { x.BlockerId, x.BlockedId });
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.BlockerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.BlockedId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ChatReport> b)
    {
        b.ToTable("chat_reports");
        b.Property(x => x.Reason).HasMaxLength(ChatReport.ReasonMaxLength);
        b.Property(x => x.Note).HasMaxLength(ChatReport.ReasonMaxLength);
        b.HasIndex(x => new { x.Status, x.CreatedAt });
        b.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.ReporterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.ReportedUserId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<QuickReply> b)
    {
        b.ToTable("chat_quick_replies");
        b.Property(x => x.Title).HasMaxLength(QuickReply.TitleMaxLength);
        b.Property(x => x.Body).HasMaxLength(ChatMessage.BodyMaxLength);
        b.HasIndex(x => x.OwnerId);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ChatConnection> b)
    {
        b.ToTable("chat_connections");
        b.HasKey(x => x.ConnectionId);
        b.Property(x => x.ConnectionId).HasMaxLength(100);
        b.Property(x => x.InstanceId).HasMaxLength(100);
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => new { x.InstanceId, x.SeenAt });
    }

    public void Configure(EntityTypeBuilder<ChatLastSeen> b)
    {
        b.ToTable("chat_last_seen");
        b.HasKey(x => x.UserId);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
