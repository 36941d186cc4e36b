using System.Collections.Concurrent;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat;
using Lapak.Web.Features.Chat.Conversations;
using Lapak.Web.Features.Chat.Delivery;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.SignalR;

namespace Lapak.Web.Infrastructure.Realtime;

/// <summary>
/// Chat's part of the hub. A conversation page joins its conversation (checked by <see cref="ChatAccess"/>);
/// only then may the connection send typing into it. Messages sent here take the same path as the API.
/// </summary>
public sealed partial class LiveHub
{
    private const string ChatSeatsKey = "chat:joined";

    /// <summary>Joins the conversation's group and its members' presence; false (nothing joined) when the caller may not read it.</summary>
    public async Task<bool> JoinConversation(Guid conversationId, ChatAccess access)
    {
        var facts = await access.FactsAsync(conversationId);
        if (facts is null || !await access.CanReadAsync(Context.User!, facts)) return false;
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatGroups.Conversation(conversationId));
        var me = Context.User!.RequiredUserId();
        foreach (var member in facts.MemberIds.Where(m => m != me))
            await Groups.AddToGroupAsync(Context.ConnectionId, ChatGroups.Presence(member));
        ChatSeats()[conversationId] = true;
        return true;
    }

    public async Task LeaveConversation(Guid conversationId)
    {
        if (!ChatSeats().TryRemove(conversationId, out _)) return;
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ChatGroups.Conversation(conversationId));
    }

    /// <summary>Stores and pushes a message; answers the stored message, or fails with the reason in the caller's language.</summary>
    public async Task<ChatMessageView> SendMessage(Guid conversationId, string clientKey, string? body, Guid[]? attachmentIds,
        SendMessage.Handler handler, LapakText text)
    {
        var (message, problems) = await handler.HandleAsync(Context.User!, conversationId,
            new SendMessage.Command(clientKey, body, attachmentIds), Context.ConnectionAborted);
        if (message is null) throw new HubException(problems.First(text.Get));
        return message;
    }

    /// <summary>"I am typing" (the page sends it at most every few seconds) to the others in a conversation this connection joined.</summary>
    public async Task ChatTyping(Guid conversationId)
    {
        if (!ChatSeats().ContainsKey(conversationId)) return;
        await Clients.OthersInGroup(ChatGroups.Conversation(conversationId)).SendAsync(ChatEvents.Typing,
            new { conversationId, userId = Context.User!.RequiredUserId(), name = Context.User!.DisplayName() });
    }

    public Task<bool> MarkDelivered(Guid conversationId, long seq, MarkRead.Handler handler) =>
        handler.HandleAsync(Context.User!, conversationId, seq, read: false, Context.ConnectionAborted);

    public Task<bool> MarkRead(Guid conversationId, long seq, MarkRead.Handler handler) =>
        handler.HandleAsync(Context.User!, conversationId, seq, read: true, Context.ConnectionAborted);

    private ConcurrentDictionary<Guid, bool> ChatSeats()
    {
        if (Context.Items.TryGetValue(ChatSeatsKey, out var seats)) return (ConcurrentDictionary<Guid, bool>)seats!;
        var created = new ConcurrentDictionary<Guid, bool>();
        Context.Items[ChatSeatsKey] = created;
        return created;
    }
}
