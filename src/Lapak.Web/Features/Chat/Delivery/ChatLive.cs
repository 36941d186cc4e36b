using Lapak.Web.Features.Chat.Conversations;
using Lapak.Web.Infrastructure.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace Lapak.Web.Features.Chat.Delivery;

/// <summary>
/// Pushes chat changes after they are stored. A failed push is logged and swallowed: the message is saved, and
/// every client asks for what it missed (<c>?after=</c>) when it reconnects, so nothing depends on the push.
/// </summary>
public sealed class ChatLive(IHubContext<LiveHub> hub, ILogger<ChatLive> log)
{
    /// <summary>
    /// A new message: the full message to the conversation's group, a nudge to the other members' pages (their
    /// inboxes and unread badges; the sender's own pages learn of it from the conversation group or their next fetch).
    /// </summary>
    public async Task MessageAsync(ConversationFacts facts, ChatMessageView message)
    {
        try
        {
            await hub.Clients.Group(ChatGroups.Conversation(facts.Id)).SendAsync(ChatEvents.Message, message);
            var activity = new { conversationId = facts.Id, seq = message.Seq, senderId = message.SenderId };
            var others = facts.MemberIds.Where(m => m != message.SenderId).Select(LiveHub.UserGroup).ToList();
            if (others.Count > 0) await hub.Clients.Groups(others).SendAsync(ChatEvents.Activity, activity);
            if (facts.Kind == Model.ConversationKind.Support && facts.TeamId is { } team)
                await SupportQueueAsync(team, facts.Id);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Live push of chat message {Seq} in {Conversation} not sent", message.Seq, facts.Id);
        }
    }

    public Task ReceiptAsync(Guid conversationId, Guid userId, long deliveredSeq, long readSeq) =>
        SafeAsync(hub.Clients.Group(ChatGroups.Conversation(conversationId))
            .SendAsync(ChatEvents.Receipt, new { conversationId, userId, deliveredSeq, readSeq }));

    public Task ReadAsync(Guid userId, Guid conversationId, long readSeq) =>
        SafeAsync(hub.Clients.Group(LiveHub.UserGroup(userId)).SendAsync(ChatEvents.Read, new { conversationId, readSeq }));

    /// <summary>Subject, members or support state changed: open pages fetch the conversation again.</summary>
    public Task ChangedAsync(ConversationFacts facts) =>
        SafeAsync(hub.Clients.Groups([ChatGroups.Conversation(facts.Id), .. facts.MemberIds.Select(LiveHub.UserGroup)])
            .SendAsync(ChatEvents.Changed, new { conversationId = facts.Id }));

    public Task SupportQueueAsync(Guid teamId, Guid conversationId) =>
        SafeAsync(hub.Clients.Groups([ChatGroups.SupportQueue(teamId), ChatGroups.SupportQueueAll])
            .SendAsync(ChatEvents.SupportQueue, new { conversationId, teamId }));

    public Task PresenceAsync(Guid userId, bool online, DateTime? lastSeenAt) =>
        SafeAsync(hub.Clients.Group(ChatGroups.Presence(userId)).SendAsync(ChatEvents.Presence, new { userId, online, lastSeenAt }));

    private async Task SafeAsync(Task push)
    {
        try { await push; }
        catch (Exception e) { log.LogWarning(e, "Live chat update not sent"); }
    }
}
