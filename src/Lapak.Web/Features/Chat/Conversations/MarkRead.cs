using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Delivery;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Conversations;

/// <summary>
/// Moves a member's delivered and read marks forward (never back, never past the last message) and tells the
/// conversation, so the sender's ticks change, and the reader's other pages, so their badges drop.
/// </summary>
public static class MarkRead
{
    public sealed record Command(long Seq);

    public sealed class Handler(LapakDbContext db, ChatAccess access, ChatLive live, TimeProvider clock)
    {
        /// <param name="read">True to mark read (and delivered); false to mark delivered only.</param>
        public async Task<bool> HandleAsync(ClaimsPrincipal user, Guid conversationId, long seq, bool read, CancellationToken ct = default)
        {
            var me = user.RequiredUserId();
            var facts = await access.FactsAsync(conversationId);
            if (facts is null || !facts.IsMember(me)) return false;
            var last = await db.Set<Conversation>().Where(c => c.Id == conversationId).Select(c => c.LastSeq).SingleAsync(ct);
            seq = Math.Clamp(seq, 0, last);
            var now = clock.GetUtcNow().UtcDateTime;
            var members = db.Set<ConversationMember>().Where(m => m.ConversationId == conversationId && m.UserId == me);
            // One statement moves both marks; each only forward.
            var changed = read
                ? await members.Where(m => m.LastDeliveredSeq < seq || m.LastReadSeq < seq).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.LastDeliveredSeq, m => m.LastDeliveredSeq < seq ? seq : m.LastDeliveredSeq)
                    .SetProperty(m => m.LastReadAt, m => m.LastReadSeq < seq ? now : m.LastReadAt)
                    .SetProperty(m => m.LastReadSeq, m => m.LastReadSeq < seq ? seq : m.LastReadSeq), ct)
                : await members.Where(m => m.LastDeliveredSeq < seq).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastDeliveredSeq, seq), ct);
            if (changed == 0) return true;
            var marks = await members.Select(m => new { m.LastDeliveredSeq, m.LastReadSeq }).SingleAsync(ct);
            await live.ReceiptAsync(conversationId, me, marks.LastDeliveredSeq, marks.LastReadSeq);
            if (read) await live.ReadAsync(me, conversationId, marks.LastReadSeq);
            return true;
        }
    }
}
