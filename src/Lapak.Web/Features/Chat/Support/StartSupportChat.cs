using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Conversations;
using Lapak.Web.Features.Chat.Delivery;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Support;

/// <summary>
/// A customer writes to a team: their open support chat with that team is reused (a closed one waits again), or a
/// new one is made with the customer as its only member; the first message goes through the ordinary send path.
/// The text and key are checked before anything is made, so a bad first message leaves no empty chat behind.
/// </summary>
public static class StartSupportChat
{
    /// <param name="ClientKey">The idempotency key of the first message (a UUID is ideal); a retry returns the same chat and message.</param>
    public sealed record Command(Guid? TeamId, string? Body, string? ClientKey);

    public sealed record Started(Guid ConversationId, ChatMessageView Message);

    public sealed class Handler(LapakDbContext db, SendMessage.Handler send, TimeProvider clock, LapakText text)
    {
        public async Task<(Started? Started, ChatProblems Problems)> HandleAsync(ClaimsPrincipal user, Command command, CancellationToken ct = default)
        {
            var problems = new ChatProblems();
            var me = user.RequiredUserId();
            var body = (command.Body ?? "").Trim();
            var team = command.TeamId is { } t ? await db.Set<Team>().AsNoTracking().Where(x => x.Id == t).Select(x => (Guid?)x.Id).SingleOrDefaultAsync(ct) : null;
            if (team is null) problems.Add(nameof(Command.TeamId), text.Get("Choose the team you want to chat with."));
            if (body.Length == 0) problems.Add(nameof(Command.Body), text.Get("Write a message or attach a file."));
            if (body.Length > ChatMessage.BodyMaxLength)
                problems.Add(nameof(Command.Body), string.Format(text.Get("A message can be at most {0} characters."), ChatMessage.BodyMaxLength));
            if (!SupportChats.ValidKey(command.ClientKey))
                problems.Add(nameof(Command.ClientKey), text.Get("Every message needs an idempotency key of 1 to 64 letters, digits, '-' or '_'."));
            if (problems.Any) return (null, problems);

            var now = clock.GetUtcNow().UtcDateTime;
            var conversation = await db.Set<Conversation>().AsNoTracking()
                .Where(c => c.Kind == ConversationKind.Support && c.CustomerId == me && c.TeamId == team)
                .OrderByDescending(c => c.CreatedAt).FirstOrDefaultAsync(ct);
            var created = conversation is null;
            if (conversation is null)
            {
                conversation = new Conversation
                {
                    Kind = ConversationKind.Support, TeamId = team, CustomerId = me, CreatedById = me, CreatedAt = now,
                    SupportState = SupportState.Waiting, WaitingSince = now,
                };
                db.Add(conversation);
                db.Add(new ConversationMember { ConversationId = conversation.Id, UserId = me, JoinedAt = now });
                await db.SaveChangesAsync(ct);
            }
            // A closed chat is put back in the queue by the send path itself (SupportChatReopen), as for any later message.

            var (message, sendProblems) = await send.HandleAsync(user, conversation.Id, new SendMessage.Command(command.ClientKey, body), ct);
            if (message is null)
            {
                // A chat made for this message alone must not wait, empty, in the agents' queue when the message is refused
                // (rate, reused key); members and anything else go with it by cascade.
                if (created)
                    await db.Set<Conversation>().Where(c => c.Id == conversation.Id && c.LastSeq == 0).ExecuteDeleteAsync(CancellationToken.None);
                return (null, sendProblems);
            }
            return (new Started(conversation.Id, message), problems);
        }
    }
}
