using System.Security.Claims;
using Lapak.Web.Features.Accounts;
using Lapak.Web.Features.Chat.Model;
using Lapak.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapak.Web.Features.Chat.Support;

/// <summary>A support chat in an agent's lists.</summary>
/// <param name="Preview">Waiting: the customer's first message since the chat began waiting; active: the last message.</param>
public sealed record SupportChatItem(Guid Id, Guid TeamId, string TeamName, Guid CustomerId, string CustomerName, string? Preview,
    DateTime? WaitingSince, DateTime? LastMessageAt, string State);

public sealed record SupportQueueView(IReadOnlyList<SupportChatItem> Waiting, IReadOnlyList<SupportChatItem> Mine);

/// <summary>The agents' view: waiting chats of my teams (every team for supervisors and admins), oldest first, and my active ones.</summary>
public sealed class SupportQueue(LapakDbContext db, ChatAccess access)
{
    /// <summary>The head of the queue: agents work from the top, and hundreds of rows help nobody.</summary>
    public const int Shown = 100;

    public async Task<SupportQueueView> ForAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var teams = await access.AgentTeamsAsync(user);
        var me = user.RequiredUserId();
        var support = db.Set<Conversation>().AsNoTracking().Where(c => c.Kind == ConversationKind.Support && c.TeamId != null);

        var waiting = await (from c in support.Where(c => c.SupportState == SupportState.Waiting && teams.Contains(c.TeamId!.Value))
                             join t in db.Set<Team>() on c.TeamId equals t.Id
                             join u in db.Users on c.CustomerId equals u.Id
                             orderby c.WaitingSince, c.Id
                             select new
                             {
                                 c.Id, TeamId = t.Id, Team = t.Name, CustomerId = u.Id, Customer = u.FullName, c.WaitingSince, c.LastMessageAt, c.LastPreview,
                                 First = db.Set<ChatMessage>()
                                     .Where(m => m.ConversationId == c.Id && m.Kind == ChatMessageKind.Text && m.SenderId == c.CustomerId
                                         && m.RemovedAt == null && m.CreatedAt >= c.WaitingSince)
                                     .OrderBy(m => m.Seq).Select(m => m.Body).FirstOrDefault(),
                             }).Take(Shown).ToListAsync(ct);

        var mine = await (from c in support.Where(c => c.SupportState == SupportState.Active && c.AgentId == me)
                          join t in db.Set<Team>() on c.TeamId equals t.Id
                          join u in db.Users on c.CustomerId equals u.Id
                          orderby c.LastMessageAt descending
                          select new { c.Id, TeamId = t.Id, Team = t.Name, CustomerId = u.Id, Customer = u.FullName, c.WaitingSince, c.LastMessageAt, c.LastPreview })
            .Take(Shown).ToListAsync(ct);

        return new(
            [.. waiting.Select(w => new SupportChatItem(w.Id, w.TeamId, w.Team, w.CustomerId, w.Customer, Cut(w.First ?? w.LastPreview), w.WaitingSince,
                w.LastMessageAt, "waiting"))],
            [.. mine.Select(m => new SupportChatItem(m.Id, m.TeamId, m.Team, m.CustomerId, m.Customer, m.LastPreview, m.WaitingSince, m.LastMessageAt,
                "active"))]);
    }

    private static string? Cut(string? text) =>
        text is null || text.Length <= Conversation.PreviewLength ? text : text[..(Conversation.PreviewLength - 1)] + "…";
}
