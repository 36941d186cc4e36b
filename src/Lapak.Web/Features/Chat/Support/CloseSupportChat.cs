using System.Security.Claims;
using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Delivery;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Support;

/// <summary>
/// An agent of the team ends a support chat: it leaves the queue and the agent's active list, and a system message
/// tells the customer. Closing a closed chat changes nothing; the customer's next message opens it again.
/// </summary>
public static class CloseSupportChat
{
    public const string ClosedText = "{agent} closed the chat.";

    public sealed class Handler(LapakDbContext db, ChatAccess access, ChatWriter writer, ChatLive live, LapakText text)
    {
        public async Task<ChatProblems> HandleAsync(ClaimsPrincipal user, Guid conversationId, CancellationToken ct = default)
        {
            var (facts, problems) = await SupportAgentCheck.CheckAsync(access, text, user, conversationId);
            if (facts is null) return problems;
            var closed = await db.Set<Conversation>().Where(c => c.Id == conversationId && c.SupportState != SupportState.Closed)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.SupportState, SupportState.Closed), ct);
            if (closed == 0) return problems;
            await AnnounceAsync(writer, live, access, facts, ClosedText, new() { ["agent"] = user.DisplayName() }, ct);
            return problems;
        }
    }

    /// <summary>Writes the system message and tells the conversation, its members and the team's queue.</summary>
    internal static async Task AnnounceAsync(ChatWriter writer, ChatLive live, ChatAccess access, ConversationFacts facts, string key,
        Dictionary<string, string> data, CancellationToken ct)
    {
        await writer.WriteAsync(new PendingMessage(facts.Id, null, ChatMessageKind.System, key, null,
            SystemKey: key, SystemData: JsonSerializer.Serialize(data)), ct);
        access.Forget(facts.Id);
        await live.ChangedAsync(facts);
        if (facts.TeamId is { } team) await live.SupportQueueAsync(team, facts.Id);
    }
}

/// <summary>The shared gate of agent-only actions: unknown or unreadable → 404; readable but not the team's agent (the customer) → 403.</summary>
internal static class SupportAgentCheck
{
    public static async Task<(ConversationFacts? Facts, ChatProblems Problems)> CheckAsync(ChatAccess access, LapakText text, ClaimsPrincipal user,
        Guid conversationId)
    {
        var problems = new ChatProblems();
        var facts = await access.FactsAsync(conversationId);
        if (facts is null || facts.Kind != ConversationKind.Support || facts.TeamId is null || !await access.CanReadAsync(user, facts))
        {
            problems.NotFound = true;
            return (null, problems);
        }
        if (!await access.IsTeamAgentAsync(user, facts.TeamId.Value) || facts.CustomerId == user.RequiredUserId())
        {
            problems.Forbidden = text.Get("Only an agent of the team can answer this chat.");
            return (null, problems);
        }
        return (facts, problems);
    }
}
