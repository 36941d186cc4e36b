using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lapak.Web.Features.Chat.Analytics;

/// <summary>
/// Response analytics from what the writer records: per conversation <c>StarterId</c>, <c>FirstMessageAt</c>,
/// <c>FirstResponderId</c>, <c>FirstResponseSeconds</c>; per message <c>GapSeconds</c> and <c>ReplySeconds</c>. Only
/// text messages written by a person count. The database groups the durations by value; medians and percentiles
/// are taken from those groups (<see cref="Durations"/>). Answers are cached per scope and period for a few minutes.
/// The exact definitions are in docs/chat-analytics.md.
/// </summary>
public sealed class ChatAnalytics(LapakDbContext db, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(3);
    public const int ReplyWindowSeconds = 24 * 3600;
    public const int ReplyTimeDays = 30;
    public const int MinimumReplies = 3;

    private IQueryable<Conversation> Conversations(ChatScope scope)
    {
        var all = db.Set<Conversation>().AsNoTracking();
        return scope.Kind switch
        {
            ChatScopeKind.User => all.Where(c => db.Set<ConversationMember>().Any(m => m.ConversationId == c.Id && m.UserId == scope.Id)),
            ChatScopeKind.Team => all.Where(c => c.Kind == ConversationKind.Support && c.TeamId == scope.Id),
            ChatScopeKind.Conversation => all.Where(c => c.Id == scope.Id),
            _ => all,
        };
    }

    /// <summary>Text messages written by a person: for a user, theirs; for a team or conversation, everyone's in it.</summary>
    private IQueryable<ChatMessage> Messages(ChatScope scope)
    {
        var all = db.Set<ChatMessage>().AsNoTracking().Where(m => m.Kind == ChatMessageKind.Text && m.SenderId != null);
        return scope.Kind switch
        {
            ChatScopeKind.User => all.Where(m => m.SenderId == scope.Id),
            ChatScopeKind.Team => all.Where(m => Conversations(scope).Any(c => c.Id == m.ConversationId)),
            ChatScopeKind.Conversation => all.Where(m => m.ConversationId == scope.Id),
            _ => all,
        };
    }

    private static async Task<List<(int Value, int Count)>> GroupAsync(IQueryable<int> values, CancellationToken ct) =>
        (await values.GroupBy(v => v).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Select(g => (g.Key, g.Count)).ToList();

    public Task<ChatFigures> FiguresAsync(ChatScope scope, DateTime from, DateTime to, CancellationToken ct = default) =>
        CachedAsync($"chat:analytics:{scope.Key}:{from:O}:{to:O}", () => ComputeAsync(scope, from, to, ct));

    private async Task<ChatFigures> ComputeAsync(ChatScope scope, DateTime from, DateTime to, CancellationToken ct)
    {
        var started = Conversations(scope).Where(c => c.FirstMessageAt >= from && c.FirstMessageAt < to);
        var conversations = await started.CountAsync(ct);
        var inPeriod = Messages(scope).Where(m => m.CreatedAt >= from && m.CreatedAt < to);
        var messages = await inPeriod.CountAsync(ct);

        var responded = started.Where(c => c.FirstResponseSeconds != null);
        if (scope.Kind == ChatScopeKind.User) responded = responded.Where(c => c.FirstResponderId == scope.Id);
        var first = await GroupAsync(responded.Select(c => c.FirstResponseSeconds!.Value), ct);
        var gaps = await GroupAsync(inPeriod.Where(m => m.GapSeconds != null).Select(m => m.GapSeconds!.Value), ct);
        var rate = scope.Kind == ChatScopeKind.Conversation ? null : await RateAsync(scope, from, to, ct);

        return new ChatFigures(from, to, conversations, messages, Durations.Stats(first), Durations.Stats(gaps), rate,
            Durations.Bucket(first), Durations.Bucket(gaps));
    }

    /// <summary>
    /// Conversations started in the period by someone other than the subject; one counts once it was answered or once
    /// its 24 hours are over (a conversation begun an hour ago and not answered yet is not held against anyone).
    /// For a user, answered means a message of theirs within 24 h of the first one; otherwise any first response within 24 h.
    /// </summary>
    private async Task<ResponseRate> RateAsync(ChatScope scope, DateTime from, DateTime to, CancellationToken ct)
    {
        var settledBefore = clock.GetUtcNow().UtcDateTime.AddSeconds(-ReplyWindowSeconds);
        var started = Conversations(scope).Where(c => c.StarterId != null && c.FirstMessageAt >= from && c.FirstMessageAt < to);
        IQueryable<Conversation> replied;
        if (scope.Kind == ChatScopeKind.User)
        {
            var user = scope.Id!.Value;
            started = started.Where(c => c.StarterId != user);
            replied = started.Where(c => db.Set<ChatMessage>().Any(m => m.ConversationId == c.Id && m.SenderId == user
                && m.Kind == ChatMessageKind.Text && m.CreatedAt <= c.FirstMessageAt!.Value.AddSeconds(ReplyWindowSeconds)));
        }
        else replied = started.Where(c => c.FirstResponseSeconds != null && c.FirstResponseSeconds <= ReplyWindowSeconds);
        var repliedCount = await replied.CountAsync(ct);
        // Unanswered ones count only once their window has closed; every answered one counts.
        var unansweredClosed = await started.Where(c => c.FirstMessageAt <= settledBefore).CountAsync(ct)
            - await replied.Where(c => c.FirstMessageAt <= settledBefore).CountAsync(ct);
        return new ResponseRate(repliedCount + unansweredClosed, repliedCount);
    }

    /// <summary>"Usually replies within …" and the response rate, both over the last 30 days.</summary>
    public Task<PersonFigures> PersonAsync(Guid userId, CancellationToken ct = default) =>
        CachedAsync($"chat:analytics:person:{userId:N}", async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var since = now.AddDays(-ReplyTimeDays);
            var replies = await GroupAsync(Messages(ChatScope.ForUser(userId))
                .Where(m => m.ReplySeconds != null && m.CreatedAt >= since).Select(m => m.ReplySeconds!.Value), ct);
            var count = replies.Sum(r => r.Count);
            var median = Durations.Percentile(replies, 0.5);
            var replyTime = count >= MinimumReplies && median is { } m ? new ReplyTime(count, m, Durations.Band(m)) : null;
            return new PersonFigures(replyTime, await RateAsync(ChatScope.ForUser(userId), since, now, ct));
        });

    /// <summary>Support agents in the support chats of the period (of one team, or all): replies, median reply time, first responses.</summary>
    public Task<IReadOnlyList<AgentFigures>> AgentsAsync(DateTime from, DateTime to, Guid? teamId = null, CancellationToken ct = default) =>
        CachedAsync<IReadOnlyList<AgentFigures>>($"chat:analytics:agents:{teamId:N}:{from:O}:{to:O}", async () =>
        {
            var support = db.Set<Conversation>().AsNoTracking().Where(c => c.Kind == ConversationKind.Support && (teamId == null || c.TeamId == teamId));
            var replies = (await (
                    from m in db.Set<ChatMessage>().AsNoTracking()
                    join c in support on m.ConversationId equals c.Id
                    where m.Kind == ChatMessageKind.Text && m.SenderId != null && m.SenderId != c.CustomerId
                          && m.ReplySeconds != null && m.CreatedAt >= @from && m.CreatedAt < to
                    group m by new { Sender = m.SenderId!.Value, Seconds = m.ReplySeconds!.Value } into g
                    select new { g.Key.Sender, g.Key.Seconds, Count = g.Count() })
                .ToListAsync(ct))
                .GroupBy(r => r.Sender).ToDictionary(g => g.Key, g => g.Select(r => (r.Seconds, r.Count)).ToList());
            var firsts = (await support
                    .Where(c => c.FirstResponderId != null && c.FirstResponderId != c.CustomerId && c.FirstResponseSeconds != null
                                && c.FirstMessageAt >= from && c.FirstMessageAt < to)
                    .GroupBy(c => new { Agent = c.FirstResponderId!.Value, Seconds = c.FirstResponseSeconds!.Value })
                    .Select(g => new { g.Key.Agent, g.Key.Seconds, Count = g.Count() })
                    .ToListAsync(ct))
                .GroupBy(r => r.Agent).ToDictionary(g => g.Key, g => g.Select(r => (r.Seconds, r.Count)).ToList());
            var ids = replies.Keys.Union(firsts.Keys).ToList();
            var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
            return [.. ids.Select(id =>
                {
                    var r = replies.GetValueOrDefault(id) ?? [];
                    var f = firsts.GetValueOrDefault(id) ?? [];
                    return new AgentFigures(id, names.GetValueOrDefault(id, "?"), r.Sum(x => x.Count), Durations.Percentile(r, 0.5),
                        f.Sum(x => x.Count), Durations.Percentile(f, 0.5));
                })
                .OrderByDescending(a => a.Replies).ThenBy(a => a.Name, StringComparer.CurrentCulture)];
        });

    /// <summary>One conversation over its whole life: first response, time between messages, and each member's part.</summary>
    public Task<ConversationFigures?> ConversationAsync(Guid conversationId, CancellationToken ct = default) =>
        CachedAsync($"chat:analytics:conversation:{conversationId:N}", async () =>
        {
            var c = await db.Set<Conversation>().AsNoTracking().Where(x => x.Id == conversationId)
                .Select(x => new { x.StarterId, x.FirstMessageAt, x.FirstResponderId, x.FirstResponseSeconds }).SingleOrDefaultAsync(ct);
            if (c is null) return null;
            var scope = ChatScope.ForConversation(conversationId);
            var gaps = Durations.Stats(await GroupAsync(Messages(scope).Where(m => m.GapSeconds != null).Select(m => m.GapSeconds!.Value), ct));
            var perSender = await Messages(scope)
                .GroupBy(m => new { Sender = m.SenderId!.Value, m.ReplySeconds })
                .Select(g => new { g.Key.Sender, g.Key.ReplySeconds, Count = g.Count() }).ToListAsync(ct);
            var members = await db.Set<ConversationMember>().AsNoTracking().Where(m => m.ConversationId == conversationId)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.FullName }).ToListAsync(ct);
            // A former member (an agent who handed the chat on) still counts for what they wrote.
            var people = members.Select(m => (m.Id, m.FullName)).ToList();
            var missing = perSender.Select(p => p.Sender).Distinct().Where(s => people.All(p => p.Id != s)).ToList();
            if (missing.Count > 0)
                people.AddRange((await db.Users.AsNoTracking().Where(u => missing.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToListAsync(ct))
                    .Select(u => (u.Id, u.FullName)));
            var figures = people.Select(p =>
            {
                var mine = perSender.Where(x => x.Sender == p.Id).ToList();
                var replies = mine.Where(x => x.ReplySeconds is not null).Select(x => (x.ReplySeconds!.Value, x.Count)).ToList();
                return new MemberFigures(p.Id, p.FullName, mine.Sum(x => x.Count), replies.Sum(x => x.Count), Durations.Percentile(replies, 0.5));
            }).OrderByDescending(m => m.Messages).ToList();
            return (ConversationFigures?)new ConversationFigures(conversationId, c.StarterId, c.FirstMessageAt, c.FirstResponderId, c.FirstResponseSeconds,
                figures.Sum(f => f.Messages), gaps.Median, gaps.Mean, figures);
        });

    private async Task<T> CachedAsync<T>(string key, Func<Task<T>> compute)
    {
        if (cache.TryGetValue(key, out T? known)) return known!;
        var value = await compute();
        cache.Set(key, value, Keep);
        return value;
    }
}
