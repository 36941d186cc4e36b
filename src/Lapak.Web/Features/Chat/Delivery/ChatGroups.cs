namespace Lapak.Web.Features.Chat.Delivery;

/// <summary>The hub groups and events of chat. Joining <see cref="Conversation"/> and <see cref="Presence"/> is checked by the hub.</summary>
public static class ChatGroups
{
    /// <summary>Connections showing the conversation: full messages, typing and receipts.</summary>
    public static string Conversation(Guid id) => $"chat:{id:N}";
    /// <summary>Connections that show whether this user is online.</summary>
    public static string Presence(Guid userId) => $"presence:{userId:N}";
    /// <summary>Agents of a team watching its waiting support chats.</summary>
    public static string SupportQueue(Guid teamId) => $"chat-support:{teamId:N}";
    /// <summary>Supervisors and admins watching every team's support chats.</summary>
    public const string SupportQueueAll = "chat-support:all";
}

public static class ChatEvents
{
    /// <summary>To the conversation's group: a stored message (<c>ChatMessageView</c>).</summary>
    public const string Message = "chat:message";
    /// <summary>To the other members' user groups: <c>{ conversationId, seq, senderId }</c>, for inboxes and the unread badge.</summary>
    public const string Activity = "chat:activity";
    /// <summary>To the conversation's group: <c>{ conversationId, userId, name }</c>.</summary>
    public const string Typing = "chat:typing";
    /// <summary>To the conversation's group: <c>{ conversationId, userId, deliveredSeq, readSeq }</c>.</summary>
    public const string Receipt = "chat:receipt";
    /// <summary>To the reader's own user group after they read: <c>{ conversationId, readSeq }</c> (other tabs drop the badge).</summary>
    public const string Read = "chat:read";
    /// <summary>To a presence group: <c>{ userId, online, lastSeenAt }</c>.</summary>
    public const string Presence = "chat:presence";
    /// <summary>Something other than a message changed (subject, members, support state): <c>{ conversationId }</c>; fetch again.</summary>
    public const string Changed = "chat:changed";
    /// <summary>To support queue groups: <c>{ conversationId }</c>; the queue fetches again.</summary>
    public const string SupportQueue = "chat:support";
}
