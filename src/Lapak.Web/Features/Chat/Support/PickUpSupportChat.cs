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
/// An agent of the team takes a waiting support chat: they become a member, the chat is Active, and a system
/// message says who joined. Two agents at once: the conditional update lets exactly one win; the other is told.
/// Picking up a chat one already belongs to is harmless.
/// </summary>
public static class PickUpSupportChat
{
    public const string JoinedText = "{agent} joined the chat.";

    /// <summary>
    /// An agent who answered this chat before is still a member, yet must claim it again unless they hold it now: once it
    /// waits or is closed (taking it like any colleague), and while a colleague holds it (refused like any colleague).
    /// </summary>
    public static bool MustClaim(ConversationFacts facts, Guid me) =>
        facts.Kind == ConversationKind.Support && facts.CustomerId != me && !(facts.State == SupportState.Active && facts.AgentId == me);

    public sealed class Handler(LapakDbContext db, ChatAccess access, ChatWriter writer, ChatLive live, TimeProvider clock, LapakText text)
    {
        public async Task<(ConversationFacts? Facts, ChatProblems Problems)> HandleAsync(ClaimsPrincipal user, Guid conversationId, CancellationToken ct = default)
        {
            var problems = new ChatProblems();
            var me = user.RequiredUserId();
            var facts = await access.FactsAsync(conversationId);
            if (facts is null || !await access.CanReadAsync(user, facts))
            {
                problems.NotFound = true;
                return (null, problems);
            }
            if (facts.IsMember(me) && !MustClaim(facts, me)) return (facts, problems);
            if (facts.Kind != ConversationKind.Support || facts.TeamId is null || !await access.IsTeamAgentAsync(user, facts.TeamId.Value))
            {
                problems.Forbidden = text.Get("Only an agent of the team can answer this chat.");
                return (null, problems);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.Set<Conversation>()
                .Where(c => c.Id == conversationId && (c.AgentId == null || c.SupportState != SupportState.Active))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AgentId, me).SetProperty(c => c.SupportState, SupportState.Active)
                    .SetProperty(c => c.PickedUpAt, now), ct);
            if (claimed == 0)
            {
                problems.Conflict = text.Get("Another agent has already picked up this chat.");
                return (null, problems);
            }
            if (!facts.IsMember(me))
            {
                db.Add(new ConversationMember { ConversationId = conversationId, UserId = me, JoinedAt = now });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Already a member from an earlier pick-up of this chat (the agent took it back after it closed).
                    db.ChangeTracker.Clear();
                    if (!await db.Set<ConversationMember>().AnyAsync(m => m.ConversationId == conversationId && m.UserId == me, ct)) throw;
                }
            }
            access.Forget(conversationId);
            await writer.WriteAsync(new PendingMessage(conversationId, null, ChatMessageKind.System, JoinedText, null,
                SystemKey: JoinedText, SystemData: JsonSerializer.Serialize(new Dictionary<string, string> { ["agent"] = user.DisplayName() })), ct);
            facts = (await access.FactsAsync(conversationId))!;
            await live.ChangedAsync(facts);
            if (facts.TeamId is { } team) await live.SupportQueueAsync(team, conversationId);
            return (facts, problems);
        }
    }
}
