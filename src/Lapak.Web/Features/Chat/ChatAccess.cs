using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lapak.Web.Features.Chat;

/// <summary>Who is in a conversation, as the send path and the hub need it (direct chats never change members, so they are cached).</summary>
public sealed record ConversationFacts(
    Guid Id, ConversationKind Kind, IReadOnlyList<Guid> MemberIds, Guid? TeamId, Guid? CustomerId, Guid? AgentId, SupportState? State)
{
    public bool IsMember(Guid userId) => MemberIds.Contains(userId);
}

/// <summary>
/// The one rule for who reads and writes a conversation, used by pages, the API and the hub alike:
/// its members; and, for a support chat, the agents of its team (and supervisors and admins), who may read it
/// and pick it up by answering.
/// </summary>
public sealed class ChatAccess(LapakDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(5);

    public async Task<ConversationFacts?> FactsAsync(Guid conversationId)
    {
        var key = "chat:facts:" + conversationId;
        if (cache.TryGetValue(key, out ConversationFacts? known)) return known;
        var c = await db.Set<Conversation>().AsNoTracking().Where(x => x.Id == conversationId)
            .Select(x => new { x.Id, x.Kind, x.TeamId, x.CustomerId, x.AgentId, x.SupportState }).SingleOrDefaultAsync();
        if (c is null) return null;
        var members = await db.Set<ConversationMember>().AsNoTracking().Where(m => m.ConversationId == conversationId)
            .Select(m => m.UserId).ToListAsync();
        var facts = new ConversationFacts(c.Id, c.Kind, members, c.TeamId, c.CustomerId, c.AgentId, c.SupportState);
        if (c.Kind == ConversationKind.Direct) cache.Set(key, facts, Keep);
        return facts;
    }

    /// <summary>Drop what is cached about a conversation after its members change.</summary>
    public void Forget(Guid conversationId) => cache.Remove("chat:facts:" + conversationId);

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, ConversationFacts facts)
    {
        if (user.UserId() is not { } me) return false;
        if (facts.IsMember(me)) return true;
        return facts.Kind == ConversationKind.Support && facts.TeamId is { } team && await IsTeamAgentAsync(user, team);
    }

    /// <summary>Staff of the team, or a supervisor or admin (who see every team).</summary>
    public async Task<bool> IsTeamAgentAsync(ClaimsPrincipal user, Guid teamId)
    {
        if (!Roles.Staff.Any(user.IsInRole)) return false;
        if (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin)) return true;
        var me = user.RequiredUserId();
        var key = $"chat:agent:{me:N}:{teamId:N}";
        if (cache.TryGetValue(key, out bool known)) return known;
        var isMember = await db.Set<TeamMember>().AnyAsync(m => m.TeamId == teamId && m.UserId == me);
        cache.Set(key, isMember, TimeSpan.FromMinutes(1));
        return isMember;
    }

    /// <summary>The teams whose support chats this staff member works (every team for supervisors and admins).</summary>
    public async Task<IReadOnlyList<Guid>> AgentTeamsAsync(ClaimsPrincipal user)
    {
        if (!Roles.Staff.Any(user.IsInRole)) return [];
        if (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin))
            return await db.Set<Team>().Select(t => t.Id).ToListAsync();
        var me = user.RequiredUserId();
        return await db.Set<TeamMember>().Where(m => m.UserId == me).Select(m => m.TeamId).ToListAsync();
    }

    /// <summary>
    /// Why <paramref name="sender"/> may not write into a direct chat because of a block, or null. The person blocked
    /// is told plainly that the other does not accept their messages; the one who blocked is told to unblock.
    /// </summary>
    public async Task<string?> BlockedAsync(Guid sender, ConversationFacts facts, Func<string, string> translate)
    {
        if (facts.Kind != ConversationKind.Direct) return null;
        foreach (var other in facts.MemberIds.Where(m => m != sender))
        {
            var (theyBlocked, iBlocked) = await BlocksAsync(sender, other);
            if (theyBlocked) return translate("This user does not accept messages from you.");
            if (iBlocked) return translate("You blocked this user. Unblock them to send messages.");
        }
        return null;
    }

    /// <summary>(other blocked me, I blocked other), cached for a minute and dropped by <see cref="ForgetBlocks"/>.</summary>
    public async Task<(bool TheyBlocked, bool IBlocked)> BlocksAsync(Guid me, Guid other)
    {
        var key = BlockKey(me, other);
        if (cache.TryGetValue(key, out (bool, bool) known)) return known;
        var rows = await db.Set<ChatBlock>().AsNoTracking()
            .Where(b => (b.BlockerId == me && b.BlockedId == other) || (b.BlockerId == other && b.BlockedId == me))
            .Select(b => b.BlockerId).ToListAsync();
        var answer = (rows.Contains(other), rows.Contains(me));
        cache.Set(key, answer, TimeSpan.FromMinutes(1));
        return answer;
    }

    public void ForgetBlocks(Guid a, Guid b)
    {
        cache.Remove(BlockKey(a, b));
        cache.Remove(BlockKey(b, a));
    }

    private static string BlockKey(Guid me, Guid other) => $"chat:block:{me:N}:{other:N}";
}
