using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Helpdesk.Inbound;

/// <summary>
/// An admin tries a failed e-mail again (after fixing what made it fail, e.g. the default request type): the mail goes
/// from the failed folder back to the folder that is read, its row becomes a stale claim, and one poll runs at once,
/// which takes the claim over and handles the mail as if it were new.
/// </summary>
public static class RetryInboundEmail
{
    public sealed record Command(Guid EntryId);

    public enum Result { Retried, NotFound, NotFailed, NotInFailedFolder }

    public sealed class Handler(LapakDbContext db, InboundMailbox mailbox, TimeProvider clock)
    {
        public async Task<(Result Result, InboundPoll? Poll)> HandleAsync(Command c, CancellationToken ct)
        {
            var entry = await db.Set<InboundEmail>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == c.EntryId, ct);
            if (entry is null) return (Result.NotFound, null);
            if (entry.Outcome != InboundOutcome.Failed || entry.Detail == InboundReasons.Processing) return (Result.NotFailed, null);

            // The row first, the mail second: a poll in between then finds a claim without mail (harmless), never mail
            // whose row says "handled". Older than a stale claim, so the poll below takes it over.
            var staleSince = clock.GetUtcNow().UtcDateTime - ProcessInboundEmail.StaleClaim - TimeSpan.FromMinutes(1);
            var claimed = await db.Set<InboundEmail>().Where(e => e.Id == entry.Id && e.Outcome == InboundOutcome.Failed && e.Detail == entry.Detail)
                .ExecuteUpdateAsync(x => x.SetProperty(e => e.Detail, InboundReasons.Processing).SetProperty(e => e.ReceivedAt, staleSince), ct);
            if (claimed == 0) return (Result.NotFailed, null);
            if (!await mailbox.ReturnFailedAsync(entry.MessageId, ct))
            {
                await db.Set<InboundEmail>().Where(e => e.Id == entry.Id && e.Detail == InboundReasons.Processing && e.ReceivedAt == staleSince)
                    .ExecuteUpdateAsync(x => x.SetProperty(e => e.Detail, entry.Detail).SetProperty(e => e.ReceivedAt, entry.ReceivedAt), CancellationToken.None);
                return (Result.NotInFailedFolder, null);
            }
            return (Result.Retried, await mailbox.PollOnceAsync(ct));
        }
    }
}
