using System.Threading.Channels;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Delivery;

/// <summary>A message to store. <see cref="ClientKey"/> is the sender's idempotency key (null for system messages).</summary>
public sealed record PendingMessage(
    Guid ConversationId, Guid? SenderId, ChatMessageKind Kind, string Body, string? ClientKey,
    IReadOnlyList<Guid>? AttachmentIds = null, string? SubjectKind = null, string? SubjectId = null,
    string? SystemKey = null, string? SystemData = null);

/// <summary>The stored message; <see cref="Existing"/> when the key had been used already for the same content (a retry).</summary>
public sealed record WriteResult(ChatMessage Message, bool Existing);

/// <summary>The key was used before for a different message (or a message into a different conversation).</summary>
public sealed class ClientKeyConflictException() : Exception("This idempotency key was already used for a different message.");

/// <summary>The conversation is gone.</summary>
public sealed class ConversationMissingException() : Exception("The conversation does not exist.");

/// <summary>
/// The one way chat messages reach the database. Senders queue a message and await it; one loop per instance
/// takes whatever is queued (up to <see cref="MaxBatch"/>) and stores it in a single transaction:
/// <list type="number">
/// <item>per conversation, in id order (so two instances lock rows in the same order), one UPDATE … RETURNING
/// claims the next sequence numbers and reads the running analytics state; it is a write, so SQLite takes its
/// write lock at once and PostgreSQL locks the row against the other instances;</item>
/// <item>keys already stored are found with one query, so a retry returns the stored message;</item>
/// <item>the messages are inserted, the conversation's state written back, the senders' read marks moved on.</item>
/// </list>
/// A lone message is written at once (a batch of one), so batching costs no latency when traffic is light and
/// saves the commit per message when it is heavy. If a batch fails (another instance raced us to a key), each of
/// its messages is retried alone, so one bad message never sinks the others.
/// </summary>
public sealed class ChatWriter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ChatWriter> log) : BackgroundService
{
    public const int MaxBatch = 256;

    private sealed record Item(PendingMessage Message, TaskCompletionSource<WriteResult> Done);

    private readonly Channel<Item> _queue = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });

    public Task<WriteResult> WriteAsync(PendingMessage message, CancellationToken ct = default)
    {
        var done = new TaskCompletionSource<WriteResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Item(message, done))) throw new InvalidOperationException("The chat writer has stopped.");
        return ct.CanBeCanceled ? done.Task.WaitAsync(ct) : done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Item>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
                await WriteBatchAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        // Whatever is still queued at shutdown fails loudly rather than hanging its sender.
        while (_queue.Reader.TryRead(out var left)) left.Done.TrySetException(new InvalidOperationException("Lapak is stopping."));
    }

    private async Task WriteBatchAsync(List<Item> batch)
    {
        try
        {
            var results = await StoreAsync(batch);
            for (var i = 0; i < batch.Count; i++) Complete(batch[i], results[i]);
        }
        catch (Exception e) when (batch.Count > 1)
        {
            log.LogInformation(e, "A batch of {Count} chat messages failed; writing them one by one", batch.Count);
            foreach (var item in batch) await WriteBatchAsync([item]);
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
        }
    }

    private static void Complete(Item item, object result)
    {
        if (result is WriteResult ok) item.Done.TrySetResult(ok);
        else item.Done.TrySetException((Exception)result);
    }

    /// <summary>Stores the batch; each slot of the answer is a <see cref="WriteResult"/> or the exception for that message.</summary>
    private async Task<object[]> StoreAsync(List<Item> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LapakDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = clock.GetUtcNow().UtcDateTime;
        var results = new object?[batch.Count];

        await using var tx = await db.Database.BeginTransactionAsync();

        // Retries: keys this batch repeats, and keys already stored.
        var keyed = batch.Select((item, i) => (item.Message, i)).Where(x => x.Message.ClientKey is not null && x.Message.SenderId is not null).ToList();
        var firstOfKey = new Dictionary<(Guid, string), int>();
        if (keyed.Count > 0)
        {
            var senders = keyed.Select(x => x.Message.SenderId!.Value).Distinct().ToList();
            var keys = keyed.Select(x => x.Message.ClientKey!).Distinct().ToList();
            var stored = await db.Set<ChatMessage>().AsNoTracking()
                .Where(m => m.SenderId != null && senders.Contains(m.SenderId.Value) && m.ClientKey != null && keys.Contains(m.ClientKey))
                .ToListAsync();
            var byKey = stored.ToDictionary(m => (m.SenderId!.Value, m.ClientKey!));
            foreach (var (message, i) in keyed)
            {
                var key = (message.SenderId!.Value, message.ClientKey!);
                if (byKey.TryGetValue(key, out var existing))
                    results[i] = Same(existing, message) ? new WriteResult(existing, Existing: true) : new ClientKeyConflictException();
                else if (!firstOfKey.TryAdd(key, i))
                    results[i] = -1 - firstOfKey[key]; // settled after the first copy is stored
            }
        }

        var toStore = Enumerable.Range(0, batch.Count).Where(i => results[i] is null).ToList();
        var stored2 = new Dictionary<int, ChatMessage>();
        var links = new List<(Guid MessageId, Guid? Uploader, Guid ConversationId, IReadOnlyList<Guid> Files)>();
        foreach (var group in toStore.GroupBy(i => batch[i].Message.ConversationId).OrderBy(g => g.Key))
        {
            var indexes = group.ToList();
            var state = await ClaimAsync(db, group.Key, indexes.Count);
            if (state is null)
            {
                foreach (var i in indexes) results[i] = new ConversationMissingException();
                continue;
            }
            var seq = state.LastSeq - indexes.Count;
            var senderReads = new Dictionary<Guid, long>();
            foreach (var i in indexes)
            {
                var m = batch[i].Message;
                var message = new ChatMessage
                {
                    ConversationId = m.ConversationId, Seq = ++seq, SenderId = m.SenderId, Kind = m.Kind, Body = m.Body,
                    ClientKey = m.ClientKey, CreatedAt = now, SubjectKind = m.SubjectKind, SubjectId = m.SubjectId,
                    SystemKey = m.SystemKey, SystemData = m.SystemData,
                };
                if (m.SenderId is { } sender && m.Kind == ChatMessageKind.Text)
                {
                    state.Record(message, sender, now);
                    senderReads[sender] = message.Seq;
                }
                state.LastPreview = Preview(m);
                db.Add(message);
                stored2[i] = message;
                results[i] = new WriteResult(message, Existing: false);
                if (m.AttachmentIds is { Count: > 0 } files) links.Add((message.Id, m.SenderId, m.ConversationId, files));
            }
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE chat_conversations SET "LastMessageAt" = {now}, "LastPreview" = {state.LastPreview},
                  "LastSenderId" = {state.LastSenderId}, "LastSentAt" = {state.LastSentAt}, "TurnStartedAt" = {state.TurnStartedAt},
                  "StarterId" = {state.StarterId}, "FirstMessageAt" = {state.FirstMessageAt},
                  "FirstResponderId" = {state.FirstResponderId}, "FirstResponseSeconds" = {state.FirstResponseSeconds}
                WHERE "Id" = {group.Key}
                """);
            // A new message brings an archived conversation back to everyone's inbox; the sender has read up to it.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""UPDATE chat_members SET "Archived" = {false} WHERE "ConversationId" = {group.Key} AND "Archived" = {true}""");
            foreach (var (sender, read) in senderReads)
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    UPDATE chat_members SET "LastReadSeq" = {read}, "LastDeliveredSeq" = {read}, "LastReadAt" = {now}
                    WHERE "ConversationId" = {group.Key} AND "UserId" = {sender} AND "LastReadSeq" < {read}
                    """);
        }

        await db.SaveChangesAsync();
        // Files are linked once their messages exist (the foreign key), still inside the batch's transaction.
        foreach (var (messageId, uploader, conversationId, files) in links)
            await db.Set<ChatAttachment>()
                .Where(a => files.Contains(a.Id) && a.UploaderId == uploader && a.ConversationId == conversationId && a.MessageId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.MessageId, messageId));
        await tx.CommitAsync();

        for (var i = 0; i < batch.Count; i++)
            if (results[i] is int pointer)
            {
                var first = -1 - pointer;
                results[i] = stored2.TryGetValue(first, out var message) && Same(message, batch[i].Message)
                    ? new WriteResult(message, Existing: true)
                    : results[first] is WriteResult ? new ClientKeyConflictException() : results[first];
            }
        return results!;
    }

    private static bool Same(ChatMessage stored, PendingMessage sent) =>
        stored.ConversationId == sent.ConversationId && stored.Body == sent.Body;

    private static string Preview(PendingMessage m)
    {
        var text = m.Kind == ChatMessageKind.Text ? m.Body : "";
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= Conversation.PreviewLength ? text : text[..(Conversation.PreviewLength - 1)] + "…";
    }

    private static async Task<ConversationState?> ClaimAsync(LapakDbContext db, Guid conversationId, int count)
    {
        var rows = await db.Database.SqlQuery<ConversationState>($"""
            UPDATE chat_conversations SET "LastSeq" = "LastSeq" + {count} WHERE "Id" = {conversationId}
            RETURNING "LastSeq", "LastPreview", "LastSenderId", "LastSentAt", "TurnStartedAt", "StarterId", "FirstMessageAt",
              "FirstResponderId", "FirstResponseSeconds"
            """).ToListAsync();
        return rows.SingleOrDefault();
    }

    /// <summary>The running state of a conversation, as claimed; <see cref="Record"/> moves it on by one message.</summary>
    private sealed class ConversationState
    {
        public long LastSeq { get; set; }
        public string? LastPreview { get; set; }
        public Guid? LastSenderId { get; set; }
        public DateTime? LastSentAt { get; set; }
        public DateTime? TurnStartedAt { get; set; }
        public Guid? StarterId { get; set; }
        public DateTime? FirstMessageAt { get; set; }
        public Guid? FirstResponderId { get; set; }
        public int? FirstResponseSeconds { get; set; }

        public void Record(ChatMessage message, Guid sender, DateTime now)
        {
            if (LastSentAt is { } previous) message.GapSeconds = Seconds(now - previous);
            if (StarterId is null)
            {
                StarterId = sender;
                FirstMessageAt = now;
            }
            if (LastSenderId is null || LastSenderId != sender)
            {
                if (LastSenderId is not null && TurnStartedAt is { } turn)
                {
                    message.ReplySeconds = Seconds(now - turn);
                    if (FirstResponderId is null && sender != StarterId)
                    {
                        FirstResponderId = sender;
                        FirstResponseSeconds = FirstMessageAt is { } first ? Seconds(now - first) : message.ReplySeconds;
                    }
                }
                TurnStartedAt = now;
            }
            LastSenderId = sender;
            LastSentAt = now;
        }

        private static int Seconds(TimeSpan span) => (int)Math.Clamp(Math.Round(span.TotalSeconds), 0, int.MaxValue);
    }
}
