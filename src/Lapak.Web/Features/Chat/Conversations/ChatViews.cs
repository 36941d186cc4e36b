using Lapak.Web.Features.Chat.Subjects;

namespace Lapak.Web.Features.Chat.Conversations;

/// <summary>A message as pages, the API and the hub send it. <see cref="Html"/> is safe to insert (see <see cref="ChatText"/>).</summary>
/// <param name="Kind">text, context or system.</param>
/// <param name="Text">The plain text (a system message in the reader's language; empty when removed).</param>
public sealed record ChatMessageView(
    Guid Id, Guid ConversationId, long Seq, Guid? SenderId, string? SenderName, string Kind, string Text, string Html,
    DateTime CreatedAt, string? ClientKey, IReadOnlyList<ChatAttachmentView> Attachments, ChatSubjectCard? Subject, bool Removed);

public sealed record ChatAttachmentView(
    Guid Id, string FileName, string ContentType, long Size, bool IsImage, string Url, string? PreviewUrl, int? Width, int? Height);

/// <summary>One line of the inbox.</summary>
/// <param name="Title">The other person's name; for a support chat the team (customer's view) or the customer (agent's view).</param>
public sealed record ConversationSummary(
    Guid Id, string Kind, string Title, string? AvatarUrl, Guid? OtherUserId, string? LastPreview, DateTime? LastMessageAt,
    long LastSeq, long Unread, bool Archived, string? SupportState, string? TeamName, string? TicketCode);

public sealed record ChatMemberView(Guid UserId, string Name, string? AvatarUrl, long DeliveredSeq, long ReadSeq, bool Online, DateTime? LastSeenAt);

/// <summary>A conversation as its page and <c>GET /api/v1/conversations/{id}</c> show it.</summary>
/// <param name="CannotSendReason">Why the viewer cannot write (blocked, not in the team, …), or null.</param>
public sealed record ConversationDetails(
    Guid Id, string Kind, string Title, IReadOnlyList<ChatMemberView> Members, ChatSubjectCard? Subject, long LastSeq,
    long MyReadSeq, bool IsMember, bool CanSend, string? CannotSendReason,
    string? SupportState, Guid? TeamId, string? TeamName, Guid? AgentId, string? TicketCode, DateTime? WaitingSince);

public sealed record UnreadTotal(long Total, int Conversations);
