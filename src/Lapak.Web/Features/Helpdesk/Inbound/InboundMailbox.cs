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
/// flagged \Seen and moved to the processed folder. One bad message is recorded as failed and the pass goes on.
/// </summary>
public sealed class InboundMailbox(IServiceScopeFactory scopes, IOptions<InboundMailOptions> options, ILogger<InboundMailbox> log)
{
    public async Task<InboundPoll> PollOnceAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        if (!o.Enabled) return new(0, 0, 0, 0, 0, 0);

        using var client = new ImapClient { Timeout = 60_000 };
        await client.ConnectAsync(o.Host, o.Port, o.Security, ct);
        await client.AuthenticateAsync(o.Username, o.Password, ct);
        var folder = await FolderAsync(client, o.Folder, create: false, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        var uids = (await folder.SearchAsync(SearchQuery.NotSeen, ct)).Take(o.BatchSize).ToList();

        var counts = new Dictionary<InboundOutcome, int>();
        int fetched = 0, already = 0;
        IMailFolder? processed = null;
        foreach (var uid in uids)
        {
            ct.ThrowIfCancellationRequested();
            MimeMessage message;
            try { message = await folder.GetMessageAsync(uid, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Could not fetch inbound message {Uid} from {Folder}", uid, o.Folder);
                continue;
            }
            fetched++;
            var outcome = await HandleAsync(message, ct);
            if (outcome is { } done) counts[done] = counts.GetValueOrDefault(done) + 1;
            else already++;

            await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, ct);
            try
            {
                processed ??= await FolderAsync(client, o.ProcessedFolder, create: true, ct);
                await folder.MoveToAsync(uid, processed, ct);
            }
            catch (Exception ex) when (ex is ImapCommandException or FolderNotFoundException or MessageNotFoundException)
            {
                // Seen is enough to keep it from being fetched again; another instance may have moved it already.
                log.LogWarning(ex, "Could not move inbound message {Uid} to {Folder}", uid, o.ProcessedFolder);
            }
        }
        await client.DisconnectAsync(true, ct);
        return new(fetched, counts.GetValueOrDefault(InboundOutcome.Replied), counts.GetValueOrDefault(InboundOutcome.Opened),
            counts.GetValueOrDefault(InboundOutcome.Ignored), counts.GetValueOrDefault(InboundOutcome.Failed), already);
    }

    /// <summary>Handles one message in scopes of its own; null when it had been handled before.</summary>
    public async Task<InboundOutcome?> HandleAsync(MimeMessage message, CancellationToken ct)
    {
        Guid? entryId;
        await using (var scope = scopes.CreateAsyncScope())
            entryId = await scope.ServiceProvider.GetRequiredService<ProcessInboundEmail.Handler>().RecordAsync(message, ct);
        if (entryId is not { } id) return null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ProcessInboundEmail.Handler>().HandleAsync(id, message, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Inbound e-mail {MessageId} from {From} failed", message.MessageId, ProcessInboundEmail.SenderOf(message));
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ProcessInboundEmail.Handler>()
                .FailAsync(id, $"{ex.GetType().Name}: {ex.Message}", CancellationToken.None);
        }
    }

    private static async Task<IMailFolder> FolderAsync(ImapClient client, string name, bool create, CancellationToken ct)
    {
        if (string.Equals(name, "INBOX", StringComparison.OrdinalIgnoreCase)) return client.Inbox;
        try { return await client.GetFolderAsync(name, ct); }
        catch (FolderNotFoundException) when (create)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            try { return await root.CreateAsync(name, isMessageFolder: true, ct); }
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
