using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Search;

/// <summary>One message found by a search: where it is (link to <c>/chat/{conversationId}#m-{seq}</c>) and its text.</summary>
/// <param name="ConversationTitle">Who the conversation is with, as the inbox names it (the other person, or the team).</param>
public sealed record ChatSearchHit(Guid ConversationId, string ConversationTitle, long Seq, Guid MessageId, string? SenderName, string Text,
    DateTime CreatedAt, string Url);

public sealed record ChatSearchPage(IReadOnlyList<ChatSearchHit> Items, int Skip, int Take, bool HasMore);

/// <summary>
/// Searches the viewer's own message history: text messages of conversations they are a member of, not removed,
/// newest first. A plain LIKE on the lowered text works the same on SQLite and PostgreSQL.
/// </summary>
public static class SearchMessages
{
    public const int PageSize = 20;
    public const int MinLength = 2;

    public sealed class Handler(LapakDbContext db)
    {
        public async Task<ChatSearchPage> HandleAsync(ClaimsPrincipal user, string? query, int skip, CancellationToken ct = default)
        {
            var q = (query ?? "").Trim();
            skip = Math.Max(0, skip);
            if (q.Length < MinLength) return new ChatSearchPage([], skip, PageSize, false);
            var me = user.RequiredUserId();
            var like = "%" + Escape(q.ToLowerInvariant()) + "%";
            var mine = db.Set<ConversationMember>().Where(m => m.UserId == me).Select(m => m.ConversationId);
            var rows = await (from m in db.Set<ChatMessage>().AsNoTracking()
                              where mine.Contains(m.ConversationId) && m.Kind == ChatMessageKind.Text && m.RemovedAt == null
                                    && EF.Functions.Like(m.Body.ToLower(), like, "\\")
                              orderby m.CreatedAt descending, m.Seq descending
                              select new { m.Id, m.ConversationId, m.Seq, m.SenderId, m.Body, m.CreatedAt })
                .Skip(skip).Take(PageSize + 1).ToListAsync(ct);
            var senders = rows.Where(r => r.SenderId is not null).Select(r => r.SenderId!.Value).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => senders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
            var titles = await TitlesAsync(me, rows.Select(r => r.ConversationId).Distinct().ToList(), ct);
            var items = rows.Take(PageSize).Select(r => new ChatSearchHit(r.ConversationId, titles.GetValueOrDefault(r.ConversationId) ?? "", r.Seq, r.Id,
                r.SenderId is { } s ? names.GetValueOrDefault(s) : null, r.Body, r.CreatedAt, $"/chat/{r.ConversationId}#m-{r.Seq}")).ToList();
            return new ChatSearchPage(items, skip, PageSize, rows.Count > PageSize);
        }

        private async Task<Dictionary<Guid, string>> TitlesAsync(Guid me, List<Guid> ids, CancellationToken ct)
        {
            var conversations = await (from c in db.Set<Conversation>().AsNoTracking()
                                       where ids.Contains(c.Id)
                                       join t in db.Set<Team>().AsNoTracking() on c.TeamId equals t.Id into teams
                                       from t in teams.DefaultIfEmpty()
                                       select new { c.Id, c.Kind, c.CustomerId, Team = t == null ? null : t.Name }).ToListAsync(ct);
            var others = await (from m in db.Set<ConversationMember>().AsNoTracking()
                                join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                                where ids.Contains(m.ConversationId) && m.UserId != me
                                select new { m.ConversationId, u.Id, u.FullName }).ToListAsync(ct);
            return conversations.ToDictionary(c => c.Id, c =>
                c.Kind == ConversationKind.Support && c.CustomerId == me ? c.Team ?? ""
                : others.FirstOrDefault(o => o.ConversationId == c.Id && (c.Kind == ConversationKind.Direct || o.Id == c.CustomerId))?.FullName ?? c.Team ?? "");
        }

        private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
    }
}
