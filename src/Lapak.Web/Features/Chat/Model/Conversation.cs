using Lapak.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapak.Web.Features.Chat.Model;

public enum ConversationKind
{
    /// <summary>Two users; one conversation per pair, whatever it is about (the subject changes inline).</summary>
    Direct = 0,
    /// <summary>A customer and a helpdesk team; any agent of the team may pick it up.</summary>
    Support = 1,
}

public enum SupportState
{
    /// <summary>No agent has picked it up yet: it shows in the team's waiting queue.</summary>
    Waiting = 0,
    Active = 1,
    /// <summary>Closed by the agent, or turned into a ticket. A new customer message opens it again.</summary>
    Closed = 2,
}

/// <summary>
/// A conversation and the running state its writer keeps: the last sequence number handed out, what the
/// inbox shows (last message, time) and what response analytics need (who wrote last, when the current turn
/// started, who answered first and how fast). Only <see cref="Delivery.ChatWriter"/> changes the message state.
/// </summary>
public sealed class Conversation
{
    public const int PreviewLength = 140;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ConversationKind Kind { get; set; }
    /// <summary>Direct only: "{smaller id:N}:{larger id:N}", unique, so a pair has one conversation.</summary>
    public string? PairKey { get; set; }
    public Guid CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>What the conversation is about now (e.g. <c>product</c> + id); a change adds a context message.</summary>
    public string? SubjectKind { get; set; }
    public string? SubjectId { get; set; }

    // ---- support chats ----
    public Guid? TeamId { get; set; }
    public Guid? CustomerId { get; set; }
    public Guid? AgentId { get; set; }
    public SupportState? SupportState { get; set; }
    /// <summary>When the chat last started waiting for an agent (the queue shows the wait from here).</summary>
    public DateTime? WaitingSince { get; set; }
    public DateTime? PickedUpAt { get; set; }
    /// <summary>The helpdesk ticket this chat became, if any.</summary>
    public string? TicketCode { get; set; }

    // ---- kept by the writer ----
    public long LastSeq { get; set; }
    /// <summary>Any message, system ones included: orders the inbox.</summary>
    public DateTime? LastMessageAt { get; set; }
    public string? LastPreview { get; set; }
    /// <summary>The last message written by a person (system and context messages do not count).</summary>
    public Guid? LastSenderId { get; set; }
    public DateTime? LastSentAt { get; set; }
    /// <summary>When the current sender's run of messages (their turn) began.</summary>
    public DateTime? TurnStartedAt { get; set; }
    public Guid? StarterId { get; set; }
    public DateTime? FirstMessageAt { get; set; }
    /// <summary>The first person other than the starter to write, and how long after the first message.</summary>
    public Guid? FirstResponderId { get; set; }
    public int? FirstResponseSeconds { get; set; }

    public static string PairKeyOf(Guid a, Guid b) =>
        a.CompareTo(b) < 0 ? $"{a:N}:{b:N}" : $"{b:N}:{a:N}";
}

/// <summary>A member of a conversation and how far they have received and read it.</summary>
public sealed class ConversationMember
{
    public Guid ConversationId { get; set; }
    public Guid UserId { get; set; }
    public DateTime JoinedAt { get; set; }
    public long LastDeliveredSeq { get; set; }
    public long LastReadSeq { get; set; }
    public DateTime? LastReadAt { get; set; }
    /// <summary>Hidden from the inbox until a new message arrives.</summary>
    public bool Archived { get; set; }
    /// <summary>The unread digest e-mail covered messages up to here; a new one needs newer unread messages.</summary>
    public long DigestedSeq { get; set; }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>, IEntityTypeConfiguration<ConversationMember>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.ToTable("chat_conversations");
        b.Property(x => x.PairKey).HasMaxLength(65);
        b.Property(x => x.SubjectKind).HasMaxLength(40);
        b.Property(x => x.SubjectId).HasMaxLength(80);
        b.Property(x => x.TicketCode).HasMaxLength(20);
        b.Property(x => x.LastPreview).HasMaxLength(Conversation.PreviewLength);
        b.HasIndex(x => x.PairKey).IsUnique();
        b.HasIndex(x => new { x.Kind, x.TeamId, x.SupportState, x.WaitingSince });
        b.HasIndex(x => new { x.CustomerId, x.TeamId });
        b.HasIndex(x => x.FirstMessageAt);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ConversationMember> b)
    {
        b.ToTable("chat_members");
        b.HasKey(x => new { x.ConversationId, x.UserId });
        b.HasIndex(x => x.UserId);
        b.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LapakUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
