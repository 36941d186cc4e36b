using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Delivery;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Features.Chat.Subjects;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Conversations;

/// <summary>
/// Opens the chat with another user: the pair's one conversation, made on first use. With a subject (a product,
/// an order, …) that differs from the conversation's current one, a context message marks the change inline;
/// opening from the same subject again changes nothing.
/// </summary>
public static class StartConversation
{
    public sealed record Command(Guid UserId, string? SubjectKind = null, string? SubjectId = null);

    public sealed class Handler(LapakDbContext db, ChatAccess access, ChatSubjects subjects, ChatWriter writer, ChatLive live,
        TimeProvider clock, LapakText text)
    {
        public async Task<(Conversation? Conversation, bool Created, ChatProblems Problems)> HandleAsync(ClaimsPrincipal user, Command command,
            CancellationToken ct = default)
        {
            var problems = new ChatProblems();
            var me = user.RequiredUserId();
            if (command.UserId == me)
            {
                problems.Add(nameof(Command.UserId), text.Get("You cannot start a chat with yourself."));
                return (null, false, problems);
            }
            var other = await db.Users.AsNoTracking().Where(u => u.Id == command.UserId && u.IsActive).Select(u => u.Id).SingleOrDefaultAsync(ct);
            if (other == Guid.Empty)
            {
                problems.Add(nameof(Command.UserId), text.Get("This user does not exist or no longer uses Lapak."));
                return (null, false, problems);
            }
            var hasSubject = command.SubjectKind is not null || command.SubjectId is not null;
            if (hasSubject && (command.SubjectKind is null || command.SubjectId is null
                || await subjects.RenderAsync(command.SubjectKind, command.SubjectId, user, ct) is null))
            {
                problems.Add(nameof(Command.SubjectId), text.Get("What you want to ask about does not exist."));
                return (null, false, problems);
            }

            var pair = Conversation.PairKeyOf(me, other);
            var conversation = await db.Set<Conversation>().SingleOrDefaultAsync(c => c.PairKey == pair, ct);
            var created = false;
            if (conversation is null)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                conversation = new Conversation { Kind = ConversationKind.Direct, PairKey = pair, CreatedById = me, CreatedAt = now };
                db.Add(conversation);
                db.Add(new ConversationMember { ConversationId = conversation.Id, UserId = me, JoinedAt = now });
                db.Add(new ConversationMember { ConversationId = conversation.Id, UserId = other, JoinedAt = now });
                try
                {
                    await db.SaveChangesAsync(ct);
                    created = true;
                }
                catch (DbUpdateException)
                {
                    // The other person opened it at the same moment: theirs is the pair's conversation.
                    db.ChangeTracker.Clear();
                    conversation = await db.Set<Conversation>().SingleAsync(c => c.PairKey == pair, ct);
                }
            }

            if (hasSubject && (conversation.SubjectKind != command.SubjectKind || conversation.SubjectId != command.SubjectId))
                await ChangeSubjectAsync(conversation.Id, command.SubjectKind!, command.SubjectId!, ct);
            return (conversation, created, problems);
        }

        /// <summary>Sets the subject and adds its card inline; open pages fetch the change.</summary>
        public async Task ChangeSubjectAsync(Guid conversationId, string kind, string id, CancellationToken ct = default)
        {
            await db.Set<Conversation>().Where(c => c.Id == conversationId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.SubjectKind, kind).SetProperty(c => c.SubjectId, id), ct);
            await writer.WriteAsync(new PendingMessage(conversationId, null, ChatMessageKind.Context, "", null, SubjectKind: kind, SubjectId: id), ct);
            if (await access.FactsAsync(conversationId) is { } facts) await live.ChangedAsync(facts);
        }
    }
}
