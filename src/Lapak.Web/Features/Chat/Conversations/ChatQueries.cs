using System.Security.Claims;
using System.Text.Json;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Features.Chat.Presence;
using Lapak.Web.Features.Chat.Subjects;
using Lapak.Web.Infrastructure.Data;
using Lapak.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Conversations;

/// <summary>Everything chat pages and the API read. Callers check access first (<see cref="ChatAccess"/>).</summary>
public sealed class ChatQueries(LapakDbContext db, ChatAccess access, ChatSubjects subjects, IChatPresence presence, LapakText text)
{
    public const int MaxPage = 200;

    public static string? AvatarUrl(string? avatarPath) => LapakUser.AvatarUrl(avatarPath);

    // ---------- messages ----------

    /// <summary>Messages after <paramref name="after"/> (oldest first), or the last ones before <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<ChatMessageView>> MessagesAsync(ClaimsPrincipal viewer, Guid conversationId,
        long? after, long? before, int limit, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, MaxPage);
        var q = db.Set<ChatMessage>().AsNoTracking().Where(m => m.ConversationId == conversationId);
        List<ChatMessage> rows;
        if (after is { } a || before is null)
        {
            var from = after ?? 0;
            rows = after is null
                ? (await q.OrderByDescending(m => m.Seq).Take(limit).ToListAsync(ct)).OrderBy(m => m.Seq).ToList()
                : await q.Where(m => m.Seq > from).OrderBy(m => m.Seq).Take(limit).ToListAsync(ct);
        }
        else
        {
            var until = before.Value;
            rows = (await q.Where(m => m.Seq < until).OrderByDescending(m => m.Seq).Take(limit).ToListAsync(ct)).OrderBy(m => m.Seq).ToList();
        }
        return await ViewsAsync(viewer, rows, ct);
    }

    public async Task<IReadOnlyList<ChatMessageView>> ViewsAsync(ClaimsPrincipal viewer, IReadOnlyList<ChatMessage> rows, CancellationToken ct = default)
    {
        if (rows.Count == 0) return [];
        var senderIds = rows.Where(m => m.SenderId is not null).Select(m => m.SenderId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => senderIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var ids = rows.Select(m => m.Id).ToList();
        var files = await db.Set<ChatAttachment>().AsNoTracking().Where(a => a.MessageId != null && ids.Contains(a.MessageId.Value))
            .OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var filesOf = files.ToLookup(a => a.MessageId!.Value);
        var views = new List<ChatMessageView>(rows.Count);
        var cards = new Dictionary<(string?, string?), ChatSubjectCard?>(); // a subject that comes back renders once
        foreach (var m in rows)
        {
            ChatSubjectCard? card = null;
            if (m.Kind == ChatMessageKind.Context && !cards.TryGetValue((m.SubjectKind, m.SubjectId), out card))
                cards[(m.SubjectKind, m.SubjectId)] = card = await subjects.RenderAsync(m.SubjectKind, m.SubjectId, viewer, ct);
            views.Add(View(m, m.SenderId is { } s ? names.GetValueOrDefault(s) : null, filesOf[m.Id].ToList(), card));
        }
        return views;
    }

    /// <summary>One stored message as everybody sees it (system text in the current language).</summary>
    public ChatMessageView View(ChatMessage m, string? senderName, IReadOnlyList<ChatAttachment> files, ChatSubjectCard? card)
    {
        var removed = m.RemovedAt is not null;
        var plain = removed ? "" : m.Kind switch
        {
            ChatMessageKind.System => SystemText(m),
            _ => m.Body,
        };
        var html = removed ? System.Net.WebUtility.HtmlEncode(text.Get("This message was removed by a moderator."))
            : m.Kind == ChatMessageKind.Text ? ChatText.ToHtml(plain) : System.Net.WebUtility.HtmlEncode(plain);
        return new ChatMessageView(m.Id, m.ConversationId, m.Seq, m.SenderId, senderName, m.Kind.ToString().ToLowerInvariant(),
            plain, html, m.CreatedAt, m.ClientKey, removed ? [] : files.Select(AttachmentView).ToList(), card, removed);
    }

    public static ChatAttachmentView AttachmentView(ChatAttachment a) => new(
        a.Id, a.FileName, a.ContentType, a.Size, a.PreviewPath is not null, $"/api/v1/chat/attachments/{a.Id}",
        a.PreviewPath is null ? null : $"/api/v1/chat/attachments/{a.Id}/preview", a.Width, a.Height);

    /// <summary>A system message's English text is its translation key; {name} placeholders come from its data.</summary>
    private string SystemText(ChatMessage m)
    {
        var template = text.Get(m.SystemKey ?? m.Body);
        if (string.IsNullOrEmpty(m.SystemData)) return template;
        var data = JsonSerializer.Deserialize<Dictionary<string, string>>(m.SystemData) ?? [];
        foreach (var (key, value) in data) template = template.Replace("{" + key + "}", value);
        return template;
    }

    // ---------- conversations ----------

    public async Task<ConversationDetails?> DetailsAsync(ClaimsPrincipal viewer, Guid conversationId, CancellationToken ct = default)
    {
        var facts = await access.FactsAsync(conversationId);
        if (facts is null || !await access.CanReadAsync(viewer, facts)) return null;
        var me = viewer.RequiredUserId();
        var c = await db.Set<Conversation>().AsNoTracking().SingleAsync(x => x.Id == conversationId, ct);
        var members = await (from m in db.Set<ConversationMember>().AsNoTracking()
                             join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                             where m.ConversationId == conversationId
                             select new { m.UserId, u.FullName, u.AvatarPath, m.LastDeliveredSeq, m.LastReadSeq }).ToListAsync(ct);
        var states = await presence.GetAsync(members.Select(m => m.UserId).ToList(), ct);
        var memberViews = members.Select(m => new ChatMemberView(m.UserId, m.FullName, AvatarUrl(m.AvatarPath), m.LastDeliveredSeq,
            m.LastReadSeq, states.GetValueOrDefault(m.UserId)?.Online ?? false, states.GetValueOrDefault(m.UserId)?.LastSeenAt)).ToList();
        var teamName = c.TeamId is { } t ? await db.Set<Team>().Where(x => x.Id == t).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var isMember = facts.IsMember(me);
        var blocked = await access.BlockedAsync(me, facts, text.Get);
        var canSend = blocked is null && (isMember || c.Kind == ConversationKind.Support);
        var card = await subjects.RenderAsync(c.SubjectKind, c.SubjectId, viewer, ct);
        var title = TitleFor(c.Kind, me, c.CustomerId, teamName, memberViews);
        return new ConversationDetails(c.Id, c.Kind.ToString().ToLowerInvariant(), title, memberViews, card, c.LastSeq,
            memberViews.FirstOrDefault(m => m.UserId == me)?.ReadSeq ?? 0, isMember, canSend, blocked,
            c.SupportState?.ToString().ToLowerInvariant(), c.TeamId, teamName, c.AgentId, c.TicketCode, c.WaitingSince);
    }

    private static string TitleFor(ConversationKind kind, Guid me, Guid? customerId, string? teamName, IReadOnlyList<ChatMemberView> members)
    {
        if (kind == ConversationKind.Support)
            return customerId == me ? teamName ?? "" : members.FirstOrDefault(m => m.UserId == customerId)?.Name ?? teamName ?? "";
        return members.FirstOrDefault(m => m.UserId != me)?.Name ?? members.FirstOrDefault()?.Name ?? "";
    }

    /// <summary>The viewer's inbox, newest activity first. <paramref name="filter"/>: null (all but archived), unread, support or archived.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> InboxAsync(ClaimsPrincipal viewer, string? filter, int skip = 0, int take = 50,
        CancellationToken ct = default)
    {
        var me = viewer.RequiredUserId();
        var q = from m in db.Set<ConversationMember>().AsNoTracking()
                join c in db.Set<Conversation>().AsNoTracking() on m.ConversationId equals c.Id
                where m.UserId == me && c.LastSeq > 0
                select new { m, c };
        q = filter switch
        {
            "archived" => q.Where(x => x.m.Archived),
            "unread" => q.Where(x => !x.m.Archived && x.c.LastSeq > x.m.LastReadSeq),
            "support" => q.Where(x => !x.m.Archived && x.c.Kind == ConversationKind.Support),
            _ => q.Where(x => !x.m.Archived),
        };
        var rows = await q.OrderByDescending(x => x.c.LastMessageAt).Skip(skip).Take(Math.Clamp(take, 1, 100))
            .Select(x => new
            {
                x.c.Id, x.c.Kind, x.c.CustomerId, x.c.TeamId, x.c.LastPreview, x.c.LastMessageAt, x.c.LastSeq, x.c.SupportState,
                x.c.TicketCode, x.m.LastReadSeq, x.m.Archived,
            }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var others = await (from m in db.Set<ConversationMember>().AsNoTracking()
                            join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                            where ids.Contains(m.ConversationId) && m.UserId != me
                            select new { m.ConversationId, u.Id, u.FullName, u.AvatarPath }).ToListAsync(ct);
        var teamIds = rows.Where(r => r.TeamId is not null).Select(r => r.TeamId!.Value).Distinct().ToList();
        var teams = await db.Set<Team>().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return rows.Select(r =>
        {
            var teamName = r.TeamId is { } t ? teams.GetValueOrDefault(t) : null;
            var other = r.Kind == ConversationKind.Support && r.CustomerId != me
                ? others.FirstOrDefault(o => o.ConversationId == r.Id && o.Id == r.CustomerId)
                : others.FirstOrDefault(o => o.ConversationId == r.Id && o.Id != r.CustomerId) ?? others.FirstOrDefault(o => o.ConversationId == r.Id);
            var title = r.Kind == ConversationKind.Support && r.CustomerId == me ? teamName ?? "" : other?.FullName ?? teamName ?? "";
            return new ConversationSummary(r.Id, r.Kind.ToString().ToLowerInvariant(), title,
                r.Kind == ConversationKind.Support && r.CustomerId == me ? null : AvatarUrl(other?.AvatarPath), other?.Id,
                r.LastPreview, r.LastMessageAt, r.LastSeq, Math.Max(0, r.LastSeq - r.LastReadSeq), r.Archived,
                r.SupportState?.ToString().ToLowerInvariant(), teamName, r.TicketCode);
        }).ToList();
    }

    /// <summary>Unread messages across the viewer's conversations (archived ones included: a new message unarchives anyway).</summary>
    public async Task<UnreadTotal> UnreadAsync(Guid userId, CancellationToken ct = default)
    {
        var unread = await (from m in db.Set<ConversationMember>().AsNoTracking()
                            join c in db.Set<Conversation>().AsNoTracking() on m.ConversationId equals c.Id
                            where m.UserId == userId && c.LastSeq > m.LastReadSeq
                            select c.LastSeq - m.LastReadSeq).ToListAsync(ct);
        return new UnreadTotal(unread.Sum(), unread.Count);
    }
}
