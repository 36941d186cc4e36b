using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Conversations;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Features.Chat.Support;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapak.Web.Features.Chat.Delivery;

/// <summary>
/// Sends a message: checks it (text, files, access, blocks, rate), stores it through <see cref="ChatWriter"/> and
/// then pushes it. The same path for the hub, the API and the page's plain form.
/// </summary>
public static class SendMessage
{
    /// <param name="ClientKey">The sender's idempotency key (letters, digits, '-' and '_'; a UUID is ideal). A retry with the same key returns the stored message.</param>
    public sealed record Command(string? ClientKey, string? Body, IReadOnlyList<Guid>? AttachmentIds = null);

    public sealed class Handler(LapakDbContext db, ChatAccess access, ChatWriter writer, ChatLive live, ChatQueries queries,
        ChatRateLimiter limiter, PickUpSupportChat.Handler pickUp, SupportChatReopen reopen, LapakText text, IOptions<ChatOptions> options)
    {
        public async Task<(ChatMessageView? Message, ChatProblems Problems)> HandleAsync(ClaimsPrincipal user, Guid conversationId, Command command,
            CancellationToken ct = default)
        {
            var problems = new ChatProblems();
            var me = user.RequiredUserId();
            var body = (command.Body ?? "").Trim();
            var files = command.AttachmentIds?.Distinct().ToList() ?? [];

            var facts = await access.FactsAsync(conversationId);
            if (facts is null || !await access.CanReadAsync(user, facts))
            {
                problems.NotFound = true;
                return (null, problems);
            }
            if (!ValidKey(command.ClientKey))
                problems.Add(nameof(Command.ClientKey), text.Get("Every message needs an idempotency key of 1 to 64 letters, digits, '-' or '_'."));
            if (body.Length == 0 && files.Count == 0) problems.Add(nameof(Command.Body), text.Get("Write a message or attach a file."));
            if (body.Length > ChatMessage.BodyMaxLength)
                problems.Add(nameof(Command.Body), string.Format(text.Get("A message can be at most {0} characters."), ChatMessage.BodyMaxLength));
            if (files.Count > options.Value.MaxAttachmentsPerMessage)
                problems.Add(nameof(Command.AttachmentIds), string.Format(text.Get("Attach at most {0} files to one message."), options.Value.MaxAttachmentsPerMessage));
            if (problems.Any) return (null, problems);

            if (await access.BlockedAsync(me, facts, text.Get) is { } blocked)
            {
                problems.Forbidden = blocked;
                return (null, problems);
            }
            if (files.Count > 0)
            {
                var usable = await db.Set<ChatAttachment>().CountAsync(a => files.Contains(a.Id) && a.UploaderId == me
                    && a.ConversationId == conversationId && a.MessageId == null, ct);
                if (usable != files.Count)
                {
                    problems.Add(nameof(Command.AttachmentIds), text.Get("A file is no longer available to send; upload it again."));
                    return (null, problems);
                }
            }
            // A retry of a message already stored is answered with it whatever the rate: after a reconnect a client
            // resends its whole unanswered burst, and refusing what is already stored would show it as "not sent".
            if (!limiter.TryAcquire(me) && !await StoredAlreadyAsync(me, command.ClientKey!, ct))
            {
                problems.TooMany = text.Get("You are sending messages too fast. Wait a moment and try again.");
                return (null, problems);
            }

            // An agent answering a support chat nobody holds picks it up by answering (a former agent too: see MustClaim).
            if (!facts.IsMember(me) || PickUpSupportChat.MustClaim(facts, me))
            {
                var (picked, pickProblems) = await pickUp.HandleAsync(user, conversationId, ct);
                if (picked is null) return (null, pickProblems);
                facts = picked;
            }

            // From here on the caller's token is not passed: a message handed to the writer is stored whether or not
            // the sender is still there, and it must then be pushed too, or members who stay connected never get it live
            // (the sender's retry finds it stored and would not push it).
            WriteResult result;
            try
            {
                result = await writer.WriteAsync(new PendingMessage(conversationId, me, ChatMessageKind.Text, body, command.ClientKey, files));
            }
            catch (ClientKeyConflictException)
            {
                problems.Conflict = text.Get("This idempotency key was already used for a different message. Use a new key for a new message.");
                return (null, problems);
            }
            catch (ConversationMissingException)
            {
                problems.NotFound = true;
                return (null, problems);
            }

            var stored = result.Message;
            if (!result.Existing) await reopen.AfterSendAsync(facts, me, ct);
            var attached = files.Count == 0 ? [] : await db.Set<ChatAttachment>().AsNoTracking()
                .Where(a => a.MessageId == stored.Id).OrderBy(a => a.CreatedAt).ToListAsync(CancellationToken.None);
            var view = queries.View(stored, user.DisplayName(), attached, null);
            // A retry pushes again: the first attempt's instance may have died between storing and pushing, and clients
            // merge by id, so a second push costs nothing.
            await live.MessageAsync(facts, view);
            return (view, problems);
        }

        private Task<bool> StoredAlreadyAsync(Guid sender, string key, CancellationToken ct) =>
            db.Set<ChatMessage>().AnyAsync(m => m.SenderId == sender && m.ClientKey == key, ct);

        private static bool ValidKey(string? key) =>
            key is { Length: > 0 and <= ChatMessage.ClientKeyMaxLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }
}
