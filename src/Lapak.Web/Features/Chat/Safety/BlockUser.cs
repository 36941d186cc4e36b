using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Delivery;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Safety;

public sealed record BlockedUserView(Guid UserId, string Name, string? AvatarUrl, DateTime BlockedAt);

/// <summary>
/// Blocking a user stops messages both ways in the pair's direct chat (see <see cref="ChatAccess.BlockedAsync"/>);
/// the history stays readable. Blocking twice or unblocking someone not blocked changes nothing and is no error.
/// </summary>
public static class BlockUser
{
    public sealed record Command(Guid UserId);

    public sealed class Handler(LapakDbContext db, ChatAccess access, ChatLive live, TimeProvider clock, LapakText text)
    {
        public async Task<ChatProblems> BlockAsync(ClaimsPrincipal user, Guid otherId, CancellationToken ct = default)
        {
            var me = user.RequiredUserId();
            var problems = new ChatProblems();
            if (otherId == me)
            {
                problems.Add(nameof(Command.UserId), text.Get("You cannot block yourself."));
                return problems;
            }
            if (!await db.Users.AnyAsync(u => u.Id == otherId, ct))
            {
                problems.NotFound = true;
                return problems;
            }
            if (await db.Set<ChatBlock>().AnyAsync(b => b.BlockerId == me && b.BlockedId == otherId, ct)) return problems;
            db.Add(new ChatBlock { BlockerId = me, BlockedId = otherId, CreatedAt = clock.GetUtcNow().UtcDateTime });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); } // the same block saved by a parallel request
            await ChangedAsync(me, otherId);
            return problems;
        }

        /// <summary>False when the user does not exist.</summary>
        public async Task<bool> UnblockAsync(ClaimsPrincipal user, Guid otherId, CancellationToken ct = default)
        {
            var me = user.RequiredUserId();
            if (!await db.Users.AnyAsync(u => u.Id == otherId, ct)) return false;
            if (await db.Set<ChatBlock>().Where(b => b.BlockerId == me && b.BlockedId == otherId).ExecuteDeleteAsync(ct) > 0)
                await ChangedAsync(me, otherId);
            return true;
        }

        public async Task<IReadOnlyList<BlockedUserView>> MineAsync(ClaimsPrincipal user, CancellationToken ct = default)
        {
            var me = user.RequiredUserId();
            var rows = await (from b in db.Set<ChatBlock>().AsNoTracking()
                              join u in db.Users on b.BlockedId equals u.Id
                              where b.BlockerId == me
                              orderby b.CreatedAt descending
                              select new { u.Id, u.FullName, u.AvatarPath, b.CreatedAt }).ToListAsync(ct);
            return rows.Select(r => new BlockedUserView(r.Id, r.FullName, Conversations.ChatQueries.AvatarUrl(r.AvatarPath), r.CreatedAt)).ToList();
        }

        /// <summary>Drops the cached answer and tells the pair's open conversation, so its composer updates without a reload.</summary>
        private async Task ChangedAsync(Guid me, Guid other)
        {
            access.ForgetBlocks(me, other);
            var key = Conversation.PairKeyOf(me, other);
            var id = await db.Set<Conversation>().Where(c => c.PairKey == key).Select(c => (Guid?)c.Id).SingleOrDefaultAsync();
            if (id is { } conversationId && await access.FactsAsync(conversationId) is { } facts) await live.ChangedAsync(facts);
        }
    }
}
