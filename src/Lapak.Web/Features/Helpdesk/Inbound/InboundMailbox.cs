using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lapak.Web.Features.Helpdesk.Inbound;

/// <summary>What one pass over the mailbox did.</summary>
public sealed record InboundPoll(int Fetched, int Replied, int Opened, int Ignored, int Failed, int AlreadyHandled);

/// <summary>
/// Reads the support mailbox once: every unseen message is recorded, handled by <see cref="ProcessInboundEmail"/>,
/// flagged \Seen and moved to the processed folder. A message that cannot be fetched, recorded or handled goes to the
/// failed folder instead, so it never blocks the rest; one still claimed by a running poll is left where it is.
/// </summary>
public sealed class InboundMailbox(IServiceScopeFactory scopes, IOptions<InboundMailOptions> options, ILogger<InboundMailbox> log)
{
    public async Task<InboundPoll> PollOnceAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        if (!o.Enabled) return new(0, 0, 0, 0, 0, 0);

        using var client = await ConnectAsync(o, ct);
        var folder = await FolderAsync(client, o.Folder, create: false, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        var uids = (await folder.SearchAsync(SearchQuery.NotSeen, ct)).Take(o.BatchSize).ToList();
        // Size and envelope first: a huge mail is judged without downloading it.
        var summaries = uids.Count == 0 ? []
            : await folder.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Envelope, ct);

        var counts = new Dictionary<InboundOutcome, int>();
        int fetched = 0, already = 0;
        var targets = new Dictionary<string, IMailFolder>();
        foreach (var summary in summaries)
        {
            ct.ThrowIfCancellationRequested();
            fetched++;
            InboundOutcome? outcome;
            bool busy = false;
            try
            {
                if (summary.Size > o.MaxMessageBytes)
                {
                    await NoteAsync(summary, InboundOutcome.Ignored, InboundReasons.TooLarge, ct);
                    outcome = InboundOutcome.Ignored;
                }
                else (outcome, busy) = await HandleAsync(await folder.GetMessageAsync(summary.UniqueId, ct), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Inbound message {Uid} in {Folder} could not be fetched, recorded or handled", summary.UniqueId, o.Folder);
                outcome = InboundOutcome.Failed;
                try { await NoteAsync(summary, InboundOutcome.Failed, $"{InboundReasons.Unreadable} {ex.GetType().Name}: {ex.Message}", ct); }
                catch (Exception noteEx) when (noteEx is not OperationCanceledException) { log.LogError(noteEx, "Could not record the failure of inbound message {Uid}", summary.UniqueId); }
            }
            if (busy) { already++; continue; } // another poll is at it; it flags and moves the message itself
            if (outcome is { } done) counts[done] = counts.GetValueOrDefault(done) + 1;
            else already++;

            var targetName = outcome == InboundOutcome.Failed ? o.FailedFolder : o.ProcessedFolder;
            try
            {
                await folder.AddFlagsAsync(summary.UniqueId, MessageFlags.Seen, silent: true, ct);
                if (!targets.TryGetValue(targetName, out var target)) targets[targetName] = target = await FolderAsync(client, targetName, create: true, ct);
                await folder.MoveToAsync(summary.UniqueId, target, ct);
            }
            catch (Exception ex) when (ex is ImapCommandException or FolderNotFoundException or MessageNotFoundException)
            {
                // Another instance may have moved it already; if only the move failed, Seen keeps it from being fetched again.
                log.LogWarning(ex, "Could not move inbound message {Uid} to {Folder}", summary.UniqueId, targetName);
            }
        }
        await client.DisconnectAsync(true, ct);
        return new(fetched, counts.GetValueOrDefault(InboundOutcome.Replied), counts.GetValueOrDefault(InboundOutcome.Opened),
            counts.GetValueOrDefault(InboundOutcome.Ignored), counts.GetValueOrDefault(InboundOutcome.Failed), already);
    }

    /// <summary>
    /// Handles one message in scopes of its own: its outcome, or null when it had been handled before; busy when a
    /// recent claim of another poll holds it. An error while handling is recorded as Failed.
    /// </summary>
    public async Task<(InboundOutcome? Outcome, bool Busy)> HandleAsync(MimeMessage message, CancellationToken ct)
    {
        InboundClaim claim;
        await using (var scope = scopes.CreateAsyncScope())
            claim = await scope.ServiceProvider.GetRequiredService<ProcessInboundEmail.Handler>().RecordAsync(message, ct);
        if (claim.EntryId is not { } id) return (null, claim.Busy);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<ProcessInboundEmail.Handler>().HandleAsync(id, message, ct), false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Inbound e-mail {MessageId} from {From} failed", message.MessageId, ProcessInboundEmail.SenderOf(message));
            await using var scope = scopes.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<ProcessInboundEmail.Handler>()
                .FailAsync(id, $"{ex.GetType().Name}: {ex.Message}", CancellationToken.None), false);
        }
    }

    /// <summary>
    /// Puts the message with <paramref name="messageId"/> from the failed folder back into the folder that is read,
    /// unread, so the next poll handles it again; false when it is not (or no longer) there.
    /// </summary>
    public async Task<bool> ReturnFailedAsync(string messageId, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return false;
        using var client = await ConnectAsync(o, ct);
        IMailFolder failed;
        try { failed = await FolderAsync(client, o.FailedFolder, create: false, ct); }
        catch (FolderNotFoundException) { return false; }
        await failed.OpenAsync(FolderAccess.ReadWrite, ct);
        var uids = await failed.SearchAsync(SearchQuery.HeaderContains("Message-ID", messageId), ct);
        if (uids.Count == 0) return false;
        await failed.RemoveFlagsAsync(uids, MessageFlags.Seen, silent: true, ct);
        await failed.MoveToAsync(uids, await FolderAsync(client, o.Folder, create: false, ct), ct);
        await client.DisconnectAsync(true, ct);
        return true;
    }

    /// <summary>Records a message that is not handled from what its envelope says (the body may never be downloaded).</summary>
    private async Task NoteAsync(IMessageSummary summary, InboundOutcome outcome, string detail, CancellationToken ct)
    {
        var e = summary.Envelope;
        var from = e?.From.Mailboxes.FirstOrDefault()?.Address;
        var messageId = ProcessInboundEmail.MessageIdOf(e?.MessageId?.Trim('<', '>'), $"{from}|{e?.Date:O}|{e?.Subject}|{summary.Size}");
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ProcessInboundEmail.Handler>().NoteAsync(messageId, from, e?.Subject, outcome, detail, ct);
    }

    /// <summary>A client signed in to the configured mailbox (only called once <see cref="InboundMailOptions.Enabled"/>,
    /// whose validation makes host, user name and password present).</summary>
    private static async Task<ImapClient> ConnectAsync(InboundMailOptions o, CancellationToken ct)
    {
        var client = new ImapClient { Timeout = 60_000 };
        try
        {
            await client.ConnectAsync(o.Host!, o.Port, o.Security, ct);
            await client.AuthenticateAsync(o.Username!, o.Password!, ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<IMailFolder> FolderAsync(ImapClient client, string name, bool create, CancellationToken ct)
    {
        if (string.Equals(name, "INBOX", StringComparison.OrdinalIgnoreCase)) return client.Inbox;
        try { return await client.GetFolderAsync(name, ct); }
        catch (FolderNotFoundException) when (create)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            try { return await root.CreateAsync(name, isMessageFolder: true, ct) ?? await client.GetFolderAsync(name, ct); }
            catch (ImapCommandException) { return await client.GetFolderAsync(name, ct); } // created meanwhile by another poller
        }
    }
}

/// <summary>Polls the support mailbox every <see cref="InboundMailOptions.PollSeconds"/> when one is configured.</summary>
public sealed class InboundMailPoller(InboundMailbox mailbox, IOptions<InboundMailOptions> options, ILogger<InboundMailPoller> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
            try
            {
                var poll = await mailbox.PollOnceAsync(stoppingToken);
                if (poll.Fetched > 0) log.LogInformation("Inbound mail: {Poll}", poll);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                log.LogError(ex, "Polling the support mailbox {Host} failed; trying again in {Seconds} s", options.Value.Host, options.Value.PollSeconds);
            }
        }
    }
}
