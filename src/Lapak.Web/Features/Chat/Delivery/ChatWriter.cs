using System.Threading.Channels;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
/// <item>a repeated key within the batch is answered with the first copy; a key stored earlier makes its insert skip
/// the row (<c>ON CONFLICT DO NOTHING</c>), and then nothing of the batch is kept and it is written again one message
/// at a time, each looking for its key first, so a retry returns the stored message;</item>
/// <item>per conversation, in id order, the next sequence numbers and the analytics state are worked out from the
/// state this instance remembers (read once, then kept), and written back with one UPDATE that is conditional on the
/// last sequence number: if another instance wrote to the conversation meanwhile, nothing of the batch is kept, the
/// state is read again and the batch tried again;</item>
/// <item>the messages are inserted and the members' rows brought up to date (unarchived, the sender's read mark);
/// all these statements go as one <see cref="StatementBatch"/>, one round trip on PostgreSQL.</item>
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

    /// <summary>
    /// Queues the message and waits until it is stored. <paramref name="ct"/> only stops the waiting: a queued message
    /// is stored anyway, so a sender whose connection dropped must not pass that connection's token and then skip the
    /// push (see <see cref="SendMessage"/>).
    /// </summary>
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

    /// <param name="lookUpKeys">
    /// Whether to look for already stored keys first. Retries are rare, so the first attempt skips that query: its
    /// inserts skip a row whose key is taken (no error), and then nothing of the batch is kept and it is written again
    /// one message at a time, each looking for its key first, so a retry gets the stored message back.
    /// </param>
    private async Task WriteBatchAsync(List<Item> batch, bool lookUpKeys = false)
    {
        try
        {
            var results = await StoreAsync(batch, lookUpKeys);
            for (var i = 0; i < batch.Count; i++) Complete(batch[i], results[i]);
        }
        catch (Exception e) when (!lookUpKeys || batch.Count > 1)
        {
            if (e is not KeyTakenException) log.LogInformation(e, "A batch of {Count} chat messages failed; writing them one by one", batch.Count);
            foreach (var item in batch) await WriteBatchAsync([item], lookUpKeys: true);
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
        }
    }

    /// <summary>An insert of the batch found its key taken: a retry of a stored message.</summary>
    private sealed class KeyTakenException() : Exception("A message key of the batch is already stored.");

    private static void Complete(Item item, object result)
    {
        if (result is WriteResult ok) item.Done.TrySetResult(ok);
        else item.Done.TrySetException((Exception)result);
    }

    /// <summary>
    /// The running state of conversations this instance wrote to recently. Only the writer loop touches it, so it
    /// needs no lock. It is a guess, never trusted: each write is conditional on the sequence number it read, and a
    /// guess another instance made stale is read again.
    /// </summary>
    private readonly Dictionary<Guid, ConversationState> _states = [];
    private const int MaxStates = 50_000;
    private const int MaxAttempts = 20;

    /// <summary>Stores the batch; each slot of the answer is a <see cref="WriteResult"/> or the exception for that message.</summary>
    private async Task<object[]> StoreAsync(List<Item> batch, bool lookUpKeys)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (results, stale) = await TryStoreAsync(batch, lookUpKeys);
            if (results is not null) return results;
            foreach (var id in stale) _states.Remove(id);
            if (attempt == MaxAttempts) throw new InvalidOperationException("Chat messages could not be stored: the conversation kept changing.");
        }
    }

    /// <summary>One attempt; when another instance wrote to one of the conversations meanwhile, nothing is stored and its ids are answered.</summary>
    private async Task<(object[]? Results, IReadOnlyList<Guid> Stale)> TryStoreAsync(List<Item> batch, bool lookUpKeys)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LapakDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = clock.GetUtcNow().UtcDateTime;
        var results = new object?[batch.Count];

        // Reads come before the transaction, so its first statement is a write: SQLite then takes its write lock at
        // once instead of failing to upgrade a read snapshot that another connection's commit made stale.
        var keyed = batch.Select((item, i) => (item.Message, i)).Where(x => x.Message.ClientKey is not null && x.Message.SenderId is not null).ToList();
        var firstOfKey = new Dictionary<(Guid, string), int>();
        if (!lookUpKeys)
        {
            foreach (var (message, i) in keyed)
                if (!firstOfKey.TryAdd((message.SenderId!.Value, message.ClientKey!), i))
                    results[i] = -1 - firstOfKey[(message.SenderId!.Value, message.ClientKey!)];
        }
        else if (keyed.Count > 0)
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
        var groups = toStore.GroupBy(i => batch[i].Message.ConversationId).OrderBy(g => g.Key).ToList();
        var unknown = groups.Select(g => g.Key).Where(id => !_states.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
            foreach (var state in await db.Set<Conversation>().AsNoTracking().Where(c => unknown.Contains(c.Id))
                         .Select(c => new ConversationState
                         {
                             Id = c.Id, LastSeq = c.LastSeq, LastPreview = c.LastPreview, LastSenderId = c.LastSenderId, LastSentAt = c.LastSentAt,
                             TurnStartedAt = c.TurnStartedAt, StarterId = c.StarterId, FirstMessageAt = c.FirstMessageAt,
                             FirstResponderId = c.FirstResponderId, FirstResponseSeconds = c.FirstResponseSeconds,
                         }).ToListAsync())
                Remember(state);

        await using var tx = await db.Database.BeginTransactionAsync();
        var written = new Dictionary<int, ChatMessage>();
        var links = new List<(Guid MessageId, Guid? Uploader, Guid ConversationId, IReadOnlyList<Guid> Files)>();
        var next = new List<ConversationState>();
        var statements = new StatementBatch(db.Database.GetDbConnection(), tx.GetDbTransaction(), db.Database.IsSqlite());
        var conversationStatements = new Dictionary<int, ConversationState>();
        var insertStatements = new List<int>();
        var stale = new List<Guid>();
        foreach (var group in groups)
        {
            var indexes = group.ToList();
            if (!_states.TryGetValue(group.Key, out var known))
            {
                foreach (var i in indexes) results[i] = new ConversationMissingException();
                continue;
            }
            var state = known.Copy();
            var readUpTo = new Dictionary<Guid, long>();
            foreach (var i in indexes)
            {
                var m = batch[i].Message;
                var message = new ChatMessage
                {
                    ConversationId = m.ConversationId, Seq = ++state.LastSeq, SenderId = m.SenderId, Kind = m.Kind, Body = m.Body,
                    ClientKey = m.ClientKey, CreatedAt = now, SubjectKind = m.SubjectKind, SubjectId = m.SubjectId,
                    SystemKey = m.SystemKey, SystemData = m.SystemData,
                };
                if (m.SenderId is { } sender && m.Kind == ChatMessageKind.Text)
                {
                    state.Record(message, sender, now);
                    readUpTo[sender] = message.Seq;
                }
                state.LastPreview = Preview(m);
                insertStatements.Add(statements.Add("""
                    INSERT INTO chat_messages ("Id", "ConversationId", "Seq", "SenderId", "Kind", "Body", "ClientKey", "CreatedAt",
                      "SubjectKind", "SubjectId", "SystemKey", "SystemData", "GapSeconds", "ReplySeconds")
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                    ON CONFLICT DO NOTHING
                    """, Arg.Of(message.Id), Arg.Of(message.ConversationId), Arg.Of(message.Seq), Arg.Of(message.SenderId),
                    Arg.Of((int?)(int)message.Kind), Arg.Of(message.Body), Arg.Of(message.ClientKey), Arg.Of(message.CreatedAt),
                    Arg.Of(message.SubjectKind), Arg.Of(message.SubjectId), Arg.Of(message.SystemKey), Arg.Of(message.SystemData),
                    Arg.Of(message.GapSeconds), Arg.Of(message.ReplySeconds)));
                written[i] = message;
                results[i] = new WriteResult(message, Existing: false);
                if (m.AttachmentIds is { Count: > 0 } files) links.Add((message.Id, m.SenderId, m.ConversationId, files));
            }
            // Conditional on the sequence this instance believes is last: no row changed means another instance wrote meanwhile.
            conversationStatements[statements.Add("""
                UPDATE chat_conversations SET "LastSeq" = $1, "LastMessageAt" = $2, "LastPreview" = $3, "LastSenderId" = $4,
                  "LastSentAt" = $5, "TurnStartedAt" = $6, "StarterId" = $7, "FirstMessageAt" = $8, "FirstResponderId" = $9,
                  "FirstResponseSeconds" = $10
                WHERE "Id" = $11 AND "LastSeq" = $12
                """, Arg.Of(state.LastSeq), Arg.Of(now), Arg.Of(state.LastPreview), Arg.Of(state.LastSenderId), Arg.Of(state.LastSentAt),
                Arg.Of(state.TurnStartedAt), Arg.Of(state.StarterId), Arg.Of(state.FirstMessageAt), Arg.Of(state.FirstResponderId),
                Arg.Of(state.FirstResponseSeconds), Arg.Of(group.Key), Arg.Of(known.LastSeq))] = state;
            // One statement per sender: a new message brings an archived conversation back to everyone's inbox, and
            // the sender has read up to their own message.
            foreach (var (sender, read) in readUpTo.DefaultIfEmpty(new KeyValuePair<Guid, long>(Guid.Empty, 0)))
                statements.Add("""
                    UPDATE chat_members SET "Archived" = $1,
                      "LastReadSeq" = CASE WHEN "UserId" = $2 AND "LastReadSeq" < $3 THEN $3 ELSE "LastReadSeq" END,
                      "LastDeliveredSeq" = CASE WHEN "UserId" = $2 AND "LastDeliveredSeq" < $3 THEN $3 ELSE "LastDeliveredSeq" END,
                      "LastReadAt" = CASE WHEN "UserId" = $2 AND "LastReadSeq" < $3 THEN $4 ELSE "LastReadAt" END
                    WHERE "ConversationId" = $5 AND ("Archived" = $6 OR ("UserId" = $2 AND "LastReadSeq" < $3))
                    """, Arg.Of(false), Arg.Of(sender), Arg.Of(read), Arg.Of(now), Arg.Of(group.Key), Arg.Of(true));
        }
        // Files are linked once their messages exist (the foreign key), in the same transaction.
        foreach (var (messageId, uploader, conversationId, files) in links)
        {
            var list = string.Join(", ", files.Select((_, k) => "$" + (k + 4)));
            statements.Add($"""
                UPDATE chat_attachments SET "MessageId" = $1
                WHERE "UploaderId" = $2 AND "ConversationId" = $3 AND "MessageId" IS NULL AND "Id" IN ({list})
                """, [Arg.Of(messageId), Arg.Of(uploader), Arg.Of(conversationId), .. files.Select(f => Arg.Of(f))]);
        }
        int[] affected;
        try
        {
            affected = await statements.ExecuteAsync();
        }
        catch
        {
            foreach (var group in groups) _states.Remove(group.Key);
            throw;
        }
        foreach (var (index, state) in conversationStatements)
            if (affected[index] == 0) stale.Add(state.Id);
            else next.Add(state);
        if (stale.Count == 0 && insertStatements.Any(index => affected[index] == 0))
        {
            await tx.RollbackAsync();
            throw new KeyTakenException();
        }
        if (stale.Count > 0)
        {
            await tx.RollbackAsync();
            return (null, stale);
        }

        try
        {
            await tx.CommitAsync();
        }
        catch
        {
            foreach (var group in groups) _states.Remove(group.Key); // what was committed is unknown now
            throw;
        }
        foreach (var state in next) Remember(state);

        for (var i = 0; i < batch.Count; i++)
            if (results[i] is int pointer)
            {
                var first = -1 - pointer;
                results[i] = written.TryGetValue(first, out var message) && Same(message, batch[i].Message)
                    ? new WriteResult(message, Existing: true)
                    : results[first] is WriteResult ? new ClientKeyConflictException() : results[first];
            }
        object[] answer = results!;
        return (answer, []);
    }

    private void Remember(ConversationState state)
    {
        if (_states.Count >= MaxStates && !_states.ContainsKey(state.Id)) _states.Clear(); // crude, and only costs a re-read
        _states[state.Id] = state;
    }

    private static bool Same(ChatMessage stored, PendingMessage sent) =>
        stored.ConversationId == sent.ConversationId && stored.Body == sent.Body;

    private static string Preview(PendingMessage m)
    {
        var text = m.Kind == ChatMessageKind.Text ? m.Body : "";
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= Conversation.PreviewLength ? text : text[..(Conversation.PreviewLength - 1)] + "…";
    }

    /// <summary>The running state of a conversation; <see cref="Record"/> moves it on by one message.</summary>
    private sealed class ConversationState
    {
        public Guid Id { get; set; }
        public long LastSeq { get; set; }
        public string? LastPreview { get; set; }
        public Guid? LastSenderId { get; set; }
        public DateTime? LastSentAt { get; set; }
        public DateTime? TurnStartedAt { get; set; }
        public Guid? StarterId { get; set; }
        public DateTime? FirstMessageAt { get; set; }
        public Guid? FirstResponderId { get; set; }
        public int? FirstResponseSeconds { get; set; }

        public ConversationState Copy() => (ConversationState)MemberwiseClone();

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
