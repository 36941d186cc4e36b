using Lapak.Web.Features.Chat.Delivery;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Support;

/// <summary>
/// Called by the send path after a message is stored: the customer writing into a closed support chat puts it back
/// in the team's queue (waiting from now, no agent), and the queue and open pages are told.
/// </summary>
public sealed class SupportChatReopen(LapakDbContext db, ChatAccess access, ChatLive live, TimeProvider clock)
{
    public async Task AfterSendAsync(ConversationFacts facts, Guid senderId, CancellationToken ct = default)
    {
        if (facts.Kind != ConversationKind.Support || facts.State != SupportState.Closed || facts.CustomerId != senderId) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var reopened = await db.Set<Conversation>().Where(c => c.Id == facts.Id && c.SupportState == SupportState.Closed)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SupportState, SupportState.Waiting).SetProperty(c => c.WaitingSince, now)
                .SetProperty(c => c.AgentId, (Guid?)null), ct);
        if (reopened == 0) return;
        access.Forget(facts.Id);
        await live.ChangedAsync(facts);
        if (facts.TeamId is { } team) await live.SupportQueueAsync(team, facts.Id);
    }
}
