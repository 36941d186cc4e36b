using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Features.Notifications;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Chat.Digest;

/// <summary>
/// Sends one "unread messages" notification per conversation and unread episode: for a member with messages from
/// someone else that they have not read, newer than their last digest, the oldest of them older than
/// <see cref="ChatOptions.UnreadDigestAfter"/>. Each is claimed by moving <see cref="ConversationMember.DigestedSeq"/>
/// with a conditional update in the transaction that adds the notification, so several instances send it once.
/// </summary>
public sealed class UnreadDigest(IServiceScopeFactory scopes, IOptions<ChatOptions> options)
{
    public const string Notification = "chat.unread";
    private const int BatchSize = 200;

    /// <summary>Answers how many digests this run claimed.</summary>
    public async Task<int> RunOnceAsync(DateTime now, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LapakDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var cutoff = now - options.Value.UnreadDigestAfter;
        var messages = db.Set<ChatMessage>();
        var due = await (from m in db.Set<ConversationMember>().AsNoTracking()
                         join c in db.Set<Conversation>() on m.ConversationId equals c.Id
                         where c.LastSeq > m.LastReadSeq && c.LastSeq > m.DigestedSeq
                               && messages.Any(x => x.ConversationId == m.ConversationId && x.Seq > m.LastReadSeq && x.Seq > m.DigestedSeq
                                                    && x.SenderId != null && x.SenderId != m.UserId && x.RemovedAt == null && x.CreatedAt <= cutoff)
                         orderby c.LastMessageAt
                         select new { m.ConversationId, m.UserId, m.LastReadSeq, m.DigestedSeq, c.LastSeq }).Take(BatchSize).ToListAsync(ct);
        var count = 0;
        foreach (var d in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Set<ConversationMember>()
                .Where(m => m.ConversationId == d.ConversationId && m.UserId == d.UserId && m.DigestedSeq == d.DigestedSeq && m.LastReadSeq == d.LastReadSeq)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.DigestedSeq, d.LastSeq), ct);
            if (claimed != 1) continue; // another instance sent it, or the member read meanwhile
            var after = Math.Max(d.LastReadSeq, d.DigestedSeq);
            var unread = await (from x in messages.AsNoTracking()
                                join u in db.Users on x.SenderId equals u.Id
                                where x.ConversationId == d.ConversationId && x.Seq > after && x.Seq <= d.LastSeq
                                      && x.SenderId != d.UserId && x.RemovedAt == null
                                orderby x.Seq
                                select new { u.FullName, x.Body }).ToListAsync(ct);
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == d.UserId && u.IsActive, ct);
            if (user is not null && unread.Count > 0)
            {
                var preview = unread[^1].Body.ReplaceLineEndings(" ");
                notifier.Notify(user, Notification, new
                {
                    from = string.Join(", ", unread.Select(x => x.FullName).Distinct()),
                    count = unread.Count,
                    preview = preview.Length > Conversation.PreviewLength ? preview[..Conversation.PreviewLength] + "…" : preview,
                }, $"/chat/{d.ConversationId}");
                await db.SaveChangesAsync(ct);
                count++;
            }
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
        return count;
    }
}

/// <summary>Runs <see cref="UnreadDigest"/> every <see cref="ChatOptions.UnreadDigestInterval"/>.</summary>
public sealed class UnreadDigestService(UnreadDigest digest, IOptions<ChatOptions> options, TimeProvider clock, ILogger<UnreadDigestService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await digest.RunOnceAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
                if (sent > 0) log.LogInformation("Chat: {Count} unread digests sent", sent);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e) { log.LogError(e, "Sending unread chat digests failed"); }
            try { await Task.Delay(options.Value.UnreadDigestInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
